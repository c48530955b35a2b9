// The handout's print button (inline handlers are blocked by the content security policy).
document.getElementById('print')?.addEventListener('click', () => window.print());
