"""Reports people read: Markdown now; the HTML briefing joins it later."""
