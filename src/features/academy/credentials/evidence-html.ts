const escapeHtml = (s: string) =>
  s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;").replace(/'/g, "&#39;");

export type OpenGraph = { title: string; description: string; url: string; siteName: string };

function metaTags(og: OpenGraph): string {
  const tags: [string, string, string][] = [
    ["property", "og:type", "website"],
    ["property", "og:site_name", og.siteName],
    ["property", "og:title", og.title],
    ["property", "og:description", og.description],
    ["property", "og:url", og.url],
    ["name", "twitter:card", "summary"],
    ["name", "twitter:title", og.title],
    ["name", "twitter:description", og.description],
  ];
  return tags.map(([attr, key, value]) => `<meta ${attr}="${key}" content="${escapeHtml(value)}" />`).join("\n    ");
}

/**
 * The web app's index.html with Open Graph tags for one evidence page (crawlers do not run scripts).
 * Without a built web app, a minimal page that carries the same tags and a link.
 */
export function evidenceHtml(indexHtml: string | null, og: OpenGraph | null): string {
  const tags = og ? metaTags(og) : "";
  if (indexHtml) {
    if (!og) return indexHtml;
    const withTitle = indexHtml.replace(/<title>[^<]*<\/title>/, `<title>${escapeHtml(og.title)}</title>`);
    return withTitle.replace("</head>", `    ${tags}\n  </head>`);
  }
  const title = og ? escapeHtml(og.title) : "Credential not found";
  const body = og ? `<p><a href="${escapeHtml(og.url)}">${title}</a></p>` : "<p>This credential was not found.</p>";
  return `<!doctype html>\n<html lang="en">\n  <head>\n    <meta charset="utf-8" />\n    <title>${title}</title>\n    ${tags}\n  </head>\n  <body>${body}</body>\n</html>\n`;
}
