"""python -m kzdata: the same as the kzdata command."""
from .cli import main

if __name__ == "__main__":
    main()
