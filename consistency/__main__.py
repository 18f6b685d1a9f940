"""`python -m consistency` runs the command line."""

from consistency.cli import cli

if __name__ == "__main__":
    cli()
