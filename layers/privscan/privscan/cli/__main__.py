import sys

from privscan.cli import main

sys.exit(main())
