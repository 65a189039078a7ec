/*
 * What the server rendered into the page's <meta> tags (no inline script, so a strict
 * Content-Security-Policy holds): where the endpoint is, how often to poll, which optional
 * sub-resources it serves, and the CSRF token when Spring Security provides one.
 */

function meta(name) {
  const element = document.querySelector('meta[name="' + name + '"]');
  return element ? element.getAttribute('content') : null;
}

export const config = Object.freeze({
  endpoint: (meta('leaks-endpoint') || '/actuator/leaks').replace(/\/+$/, ''),
  pollMillis: Math.min(3600000, Math.max(500, Number(meta('leaks-poll-millis')) || 5000)),
  // The optional sub-resources this application's endpoint serves: the page asks for no other,
  // so a feature that is switched off costs no request and logs no 404.
  resources: new Set((meta('leaks-resources') || '').split(/\s+/).filter(Boolean)),
  csrfToken: meta('_csrf'),
  csrfHeader: meta('_csrf_header')
});
