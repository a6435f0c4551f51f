// Notice texts are Markdown written by staff, rendered to HTML on the server only
// (ADR 004). Raw HTML in the source is escaped by markdown-it (html: false), and the
// output is then passed through an allowlist as a second, independent barrier.
import MarkdownIt from "markdown-it";
import sanitizeHtml from "sanitize-html";

const markdown = new MarkdownIt({ html: false, linkify: false, typographer: false, breaks: true });

const ALLOWED: sanitizeHtml.IOptions = {
  allowedTags: ["p", "br", "strong", "em", "ul", "ol", "li", "a", "h3", "h4", "blockquote", "code", "table", "thead", "tbody", "tr", "th", "td"],
  allowedAttributes: { a: ["href", "rel"] },
  allowedSchemes: ["https", "mailto", "tel"],
  allowProtocolRelative: false,
  // Links leave the portal; don't hand the destination our URL or a window handle.
  transformTags: { a: sanitizeHtml.simpleTransform("a", { rel: "noopener noreferrer nofollow" }) },
};

export function renderMarkdown(source: string): string {
  return sanitizeHtml(markdown.render(source), ALLOWED);
}

/**
 * The text of Markdown without its marks, for a plain-text mail: paragraphs and headings
 * separated by a blank line, list items on lines of their own with "・", emphasis, code and
 * links as their words (a link's address is left out: the mail carries none).
 */
export function markdownToPlainText(source: string): string {
  const blocks: Array<{ text: string; listItem: boolean }> = [];
  let inListItem = false;
  for (const token of markdown.parse(source, {})) {
    if (token.type === "list_item_open") inListItem = true;
    else if (token.type === "list_item_close") inListItem = false;
    else if (token.type === "inline") {
      const words = (token.children ?? []).map((child) => {
        if (child.type === "softbreak" || child.type === "hardbreak") return "\n";
        return child.type === "text" || child.type === "code_inline" ? child.content : "";
      });
      blocks.push({ text: (inListItem ? "・" : "") + words.join(""), listItem: inListItem });
    }
  }
  // List items follow each other line by line; other blocks have a blank line between them.
  return blocks.map((block, index) => (index === 0 ? "" : block.listItem && blocks[index - 1]!.listItem ? "\n" : "\n\n") + block.text).join("");
}
