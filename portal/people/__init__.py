"""People management in the portal: starters, movers and leavers, imports from HR, and the audit trail."""
