"""cchc — compliance calculator for Vietnam's administrative-reform (CCHC) plans."""

__version__ = "0.1.0"
