"""The operating agreement's cost sharing between the owners (C4) and the budget follow-up with
its imports from the ERP report (C6)."""
