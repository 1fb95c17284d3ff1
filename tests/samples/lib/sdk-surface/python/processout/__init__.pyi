# Type stubs for processout-python 7.3.0, written from /work/shared/reference/sdk/surface.md (and the
# fields of decoding.md §3 that it points to). Only what those facts state: a call the samples make
# that is not here is a call the facts do not vouch for. Re-exported with "as" for --strict.
from .client import ProcessOut as ProcessOut
from .customeraction import CustomerAction as CustomerAction
from .errors import AuthenticationError as AuthenticationError
from .errors import GenericError as GenericError
from .errors import InternalError as InternalError
from .errors import NotFoundError as NotFoundError
from .errors import ValidationError as ValidationError
from .event import Event as Event
from .gateway import Gateway as Gateway
from .gatewayconfiguration import GatewayConfiguration as GatewayConfiguration
from .invoice import Invoice as Invoice
from .refund import Refund as Refund
from .transaction import Transaction as Transaction
from .webhook import Webhook as Webhook
