// A local stand-in for https://js.processout.com/processout.js, served by the sandbox at /processout.js.
// It implements only the part of ProcessOut.js the docs' browser samples use, and talks to the sandbox
// that served it instead of api./checkout.processout.com:
//   new ProcessOut.ProcessOut(projectId)
//   client.fetchGatewayConfigurations({ invoiceID, filter }, success, error)
//   conf.hookForInvoice(element, success, error), conf.handleInvoiceAction(success, error),
//   conf.getInvoiceActionURL(), client.handleAction(url, success, error) -> ActionHandler
// Like the real library it sends API-Version 1.3.0.0 and X-ProcessOut-JS-Version, copies its headers into
// the query string, authenticates with the project ID alone, opens the checkout in a popup (test gateways)
// or a new tab, and trusts a message by its namespace. Errors are ProcessOut.Exception ("ProcessOutException").
// Plain ES2017 with no eval, inline handler or inline style, so it runs under a strict CSP.
(function () {
  'use strict';

  var API_VERSION = '1.3.0.0';
  var SCRIPT_VERSION = 'sandbox-stand-in';
  var CHECKOUT_NAMESPACE = 'processout.checkout';
  var WINDOW_NAME = 'processout.checkout-window';
  /** Gateways the real library opens in a sized popup rather than a tab. */
  var POPUP_GATEWAYS = ['test-alternative-payment', 'test-credit-card', 'paypal', 'paypalexpresscheckout', 'paypal-rest'];
  var POPUP_WIDTH = 450;
  var POPUP_HEIGHT = 645;
  var CLOSED_POLL_MS = 500;
  /** The checkout posts its result and then closes: give that message a moment before calling it a cancel. */
  var CLOSED_GRACE_MS = 300;

  var script = document.currentScript;
  if (!script || !script.src) throw new Error('Load the ProcessOut.js stand-in with a <script src> tag.');
  var sandboxOrigin = new URL(script.src).origin;

  var MESSAGES = {
    'customer.canceled': 'The customer canceled the payment.',
    'customer.popup-blocked': 'The browser blocked the payment window. Open it from a click handler, before any await.',
    'payment.declined': 'The payment was declined.',
    'processout-js.missing-project-id': 'Your project ID was not given to new ProcessOut.ProcessOut().',
    'processout-js.network-issue': 'ProcessOut could not be reached. Check the network and try again.',
    'processout-js.no-customer-action': 'There was nothing for the customer to do on the payment page.',
  };

  class Exception extends Error {
    constructor(code, message, metadata) {
      super(message || MESSAGES[code] || 'An error occurred: ' + code);
      this.code = code;
      this.metadata = metadata;
      this.name = 'ProcessOutException';
    }
  }

  /** Watches one payment window until it reports a result or closes. */
  class ActionHandler {
    constructor() {
      this.canceled = false;
    }
    cancel() {
      this.canceled = true;
    }
    isCanceled() {
      return this.canceled;
    }
  }

  function parseMessage(data) {
    if (typeof data !== 'string') return null;
    try {
      var message = JSON.parse(data);
      return message && typeof message === 'object' ? message : null;
    } catch (error) {
      return null;
    }
  }

  function isMobile() {
    return /Android|webOS|iPhone|iPad|iPod|BlackBerry|IEMobile|Opera Mini/i.test(navigator.userAgent);
  }

  function openWindow(url, gatewayName) {
    if (POPUP_GATEWAYS.indexOf(gatewayName) === -1 || isMobile()) return window.open(url, WINDOW_NAME);
    var top = Math.round(window.screenY + (window.outerHeight - POPUP_HEIGHT) / 2);
    var left = Math.round(window.screenX + (window.outerWidth - POPUP_WIDTH) / 2);
    var features = 'menubar=false,toolbar=false,width=' + POPUP_WIDTH + ',height=' + POPUP_HEIGHT + ',top=' + top + ',left=' + left;
    return window.open(url, WINDOW_NAME, features);
  }

  class ProcessOut {
    constructor(projectId) {
      if (typeof projectId !== 'string' || projectId === '') throw new Exception('processout-js.missing-project-id');
      this.projectID = projectId;
      this.sandbox = projectId.indexOf('test-') === 0;
    }

    /** The sandbox that served this script stands in for api.processout.com and checkout.processout.com. */
    endpoint(subdomain, path) {
      return subdomain === 'checkout' ? sandboxOrigin + '/checkout' + path : sandboxOrigin + path;
    }

    apiRequest(method, path, data, success, error) {
      var headers = {
        'Content-Type': 'application/json',
        'API-Version': API_VERSION,
        Authorization: 'Basic ' + btoa(this.projectID + ':'),
      };
      // As the real library does: the project ID and every header travel in the query too (for proxies and
      // extensions that drop headers), unencoded; only the request's own parameters are encoded.
      var query = ['legacyrequest=true', 'project_id=' + this.projectID];
      Object.keys(headers).forEach(function (name) {
        query.push('x-' + name + '=' + headers[name]);
      });
      query.push('x-ProcessOut-JS-Version=' + SCRIPT_VERSION);
      headers['X-ProcessOut-JS-Version'] = SCRIPT_VERSION;
      Object.keys(data).forEach(function (name) {
        query.push(name + '=' + encodeURIComponent(data[name]));
      });
      fetch(this.endpoint('api', path) + '?' + query.join('&'), { method: method, headers: headers })
        .then(function (response) {
          return response.json();
        })
        .then(
          function (body) {
            if (body && body.success === true) return success(body);
            error(new Exception((body && body.error_type) || 'processout-js.network-issue', body && body.message));
          },
          function () {
            error(new Exception('processout-js.network-issue'));
          },
        );
    }

    fetchGatewayConfigurations(options, success, error) {
      var invoiceId = options.invoiceID;
      // options.filter goes out as it is: the real library sends filter=undefined when there is none.
      this.apiRequest(
        'GET',
        '/gateway-configurations',
        { filter: options.filter, expand_merchant_accounts: 'true' },
        (body) => {
          success(body.gateway_configurations.map((conf) => withInvoiceActions(this, conf, invoiceId)));
        },
        error,
      );
    }

    handleAction(url, success, error, gatewayName) {
      var handler = new ActionHandler();
      var paymentWindow = openWindow(url, gatewayName);
      if (!paymentWindow) {
        error(new Exception('customer.popup-blocked'));
        return null;
      }
      var done = false;
      var finish = function (report) {
        if (done) return;
        done = true;
        window.clearInterval(poll);
        window.removeEventListener('message', onMessage);
        try {
          paymentWindow.close();
        } catch (ignored) {
          // The window may already be gone.
        }
        report();
      };
      var onMessage = function (event) {
        // Like ProcessOut.js: a message is the checkout's when it is in the checkout namespace.
        var message = parseMessage(event.data);
        if (!message || message.namespace !== CHECKOUT_NAMESPACE) return;
        switch (message.action) {
          case 'success':
            return finish(function () {
              success(message.data);
            });
          case 'canceled':
            return finish(function () {
              error(new Exception('customer.canceled'));
            });
          case 'none':
            return finish(function () {
              error(new Exception('processout-js.no-customer-action'));
            });
          case 'error':
            return finish(function () {
              error(new Exception(message.errorCode, message.errorMessage));
            });
          default:
            return finish(function () {
              error(new Exception('default'));
            });
        }
      };
      window.addEventListener('message', onMessage);
      var poll = window.setInterval(function () {
        if (handler.isCanceled())
          return finish(function () {
            error(new Exception('customer.canceled'));
          });
        var closed;
        try {
          closed = paymentWindow.closed;
        } catch (lost) {
          closed = true;
        }
        if (!closed) return;
        window.clearInterval(poll);
        window.setTimeout(function () {
          finish(function () {
            error(new Exception('customer.canceled', undefined, { reason: 'tab_closed' }));
          });
        }, CLOSED_GRACE_MS);
      }, CLOSED_POLL_MS);
      return handler;
    }
  }

  /** The helpers ProcessOut.js adds to each listed configuration, bound to the invoice it was listed for. */
  function withInvoiceActions(client, conf, invoiceId) {
    var actions = {
      getInvoiceActionURL: function () {
        var segment = encodeURIComponent;
        return client.endpoint('checkout', '/' + segment(client.projectID) + '/' + segment(invoiceId) + '/redirect/' + segment(conf.id));
      },
      handleInvoiceAction: function (success, error) {
        client.handleAction(actions.getInvoiceActionURL(), success, error, conf.gateway && conf.gateway.name);
      },
      hookForInvoice: function (element, success, error) {
        element.addEventListener('click', function (event) {
          event.preventDefault();
          actions.handleInvoiceAction(success, error);
        });
      },
    };
    return Object.assign({}, conf, actions);
  }

  window.ProcessOut = { ProcessOut: ProcessOut, Exception: Exception, ActionHandler: ActionHandler };
})();
