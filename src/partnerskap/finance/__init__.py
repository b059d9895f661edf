"""Pure computation for the operating agreement's cost sharing between the owners (C4)."""
