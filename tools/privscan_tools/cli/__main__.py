import sys

from privscan_tools.cli import main

sys.exit(main())
