"""dyadwatch: evidence-linked political event data from English news."""

__version__ = "0.1.0"
