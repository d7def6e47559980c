"""The synthetic corpus generator behind ``scripts/synth.py``, in modules."""
