"""Set up the ProcessOut client for Python.

Written for processout 7.3.0: pip install processout==7.3.0
Reads PROCESSOUT_PROJECT_ID and PROCESSOUT_PROJECT_SECRET, and
PROCESSOUT_API_URL when set.
"""

# #region set-up-client
import os

import processout

client = processout.ProcessOut(
    os.environ["PROCESSOUT_PROJECT_ID"],
    os.environ["PROCESSOUT_PROJECT_SECRET"],
)
if os.environ.get("PROCESSOUT_API_URL"):
    # Unset in production. Set it to reach another host, such as the
    # local sandbox.
    client.host = os.environ["PROCESSOUT_API_URL"]
# #endregion

print(f"ProcessOut client ready for project {client.project_id}"
      f" on {client.host}")
