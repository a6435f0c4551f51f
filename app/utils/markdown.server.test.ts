import { describe, expect, it } from "vitest";
import { markdownToPlainText, renderMarkdown } from "./markdown.server";

describe("renderMarkdown", () => {
  it("renders paragraphs, lists, emphasis and safe links", () => {
    const html = renderMarkdown("**重要** なお知らせ\n\n- 一\n- 二\n\n[詳細](https://example.com/a)");
    expect(html).toContain("<strong>重要</strong>");
    expect(html).toContain("<li>一</li>");
    expect(html).toContain('<a href="https://example.com/a" rel="noopener noreferrer nofollow">詳細</a>');
  });

  it("escapes raw HTML instead of passing it through", () => {
    const html = renderMarkdown('<script>alert(1)</script><img src=x onerror="alert(2)">');
    expect(html).not.toMatch(/<script|<img/);
    expect(html).toContain("&lt;script&gt;");
  });

  it.each(["javascript:alert(1)", "data:text/html,<b>x</b>", "//evil.example/x", "vbscript:x"])("drops the dangerous link target %s", (href) => {
    // markdown-it refuses some (they stay inert text); the allowlist strips the href of the rest.
    expect(renderMarkdown(`[click](${href})`)).not.toContain("href=");
  });

  it("keeps line breaks inside a paragraph", () => {
    expect(renderMarkdown("一行目\n二行目")).toBe("<p>一行目<br />\n二行目</p>\n");
  });
});

describe("markdownToPlainText", () => {
  it("keeps the words and drops the marks, links' addresses included", () => {
    const source =
      "## 概要\n\n**11,204名** のお客様の情報が\n漏えいした*おそれ*があります。\n\n- 氏名\n- `メールアドレス`\n\n詳しくは[お知らせ](https://example.com/notice)をご覧ください。";
    expect(markdownToPlainText(source)).toBe(
      "概要\n\n11,204名 のお客様の情報が\n漏えいしたおそれがあります。\n\n・氏名\n・メールアドレス\n\n詳しくはお知らせをご覧ください。",
    );
  });

  it("leaves plain text as it is, and writes HTML in the source as the text it is", () => {
    expect(markdownToPlainText("ただの文章です。")).toBe("ただの文章です。");
    expect(markdownToPlainText("<b>太字</b>")).toBe("<b>太字</b>");
    expect(markdownToPlainText("")).toBe("");
  });
});
