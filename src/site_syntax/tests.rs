//! Tests of site syntax, each dialect through the whole expansion and
//! pulldown-cmark's (unsafe) HTML.

use crate::body::markdown::{code_ranges, unsafe_html};
use std::borrow::Cow;

fn expand(md: &str) -> Cow<'_, str> {
    super::expand(md, code_ranges).text
}

fn html(md: &str) -> String {
    unsafe_html(&expand(md))
}

#[test]
fn hexo_blockquote_gets_a_footer() {
    let out = html("{% blockquote David Levithan, Wide Awake %}\nDo not just seek happiness.\n{% endblockquote %}\n");
    assert!(
        out.contains("<blockquote>\n<p>Do not just seek happiness.</p>"),
        "{out}"
    );
    assert!(
        out.contains("<footer>— <strong>David Levithan</strong>, <cite>Wide Awake</cite></footer>"),
        "{out}"
    );
    let out = html("{% blockquote MSDN http://msdn.example/x Docs %}\nq\n{% endblockquote %}");
    assert!(
        out.contains(r#"<cite><a href="http://msdn.example/x">Docs</a></cite>"#),
        "{out}"
    );
}

#[test]
fn code_tags_become_fenced_code_with_language() {
    assert_eq!(
        html("{% codeblock lang:cpp%}\nint x = 1;\n{% endcodeblock %}"),
        "<pre><code class=\"language-cpp\">int x = 1;\n</code></pre>\n"
    );
    let out = html("{% codeblock Array.map lang:js %}\n[1].map(f)\n{% endcodeblock %}");
    assert!(
        out.contains("<strong>Array.map</strong>") && out.contains("language-js"),
        "{out}"
    );
    assert!(
        html("{% highlight ruby linenos %}\nputs {{ x }}\n{% endhighlight %}")
            .contains("puts {{ x }}")
    );
    let out =
        html("{{< highlight go \"linenos=table\" >}}\nfunc main() {{ .X }}\n{{< /highlight >}}");
    assert!(
        out.contains("language-go") && out.contains("{{ .X }}"),
        "{out}"
    );
    // Backticks inside get a longer fence.
    assert!(html("{% code %}\n```\n{% endcode %}").contains("<code>```\n</code>"));
}

#[test]
fn raw_keeps_content_literally() {
    assert_eq!(
        html("a {% raw %}{{ now() }} {% x %}{% endraw %} b"),
        "<p>a {{ now() }} {% x %} b</p>\n"
    );
    let out = html("&#123;% raw %}\n\n# Title {{ y }}\n&#123;% endraw %}\n");
    assert_eq!(out, "<h1>Title {{ y }}</h1>\n");
}

#[test]
fn images_and_assets_stay_relative() {
    assert_eq!(
        html("{% asset_img cat.png A cat %}"),
        "<img src=\"cat.png\" alt=\"A cat\" title=\"A cat\">"
    );
    assert_eq!(
        html("{% img left /img/a.jpg 300 200 Title %}"),
        "<img src=\"/img/a.jpg\" alt=\"Title\" title=\"Title\" width=\"300\" height=\"200\">"
    );
    assert_eq!(
        html("[x]({% asset_path doc.pdf %})"),
        "<p><a href=\"doc.pdf\">x</a></p>\n"
    );
    assert_eq!(
        html("{% post_link hello-world Hello %}"),
        "<p><a href=\"hello-world\">Hello</a></p>\n"
    );
    assert_eq!(
        html("[a]({% post_url 2010-07-21-name %})"),
        "<p><a href=\"2010-07-21-name\">a</a></p>\n"
    );
    assert_eq!(
        html("[a]({{ '/docs/' | relative_url }})"),
        "<p><a href=\"/docs/\">a</a></p>\n"
    );
}

#[test]
fn embeds_become_links_never_frames() {
    for md in [
        "{% youtube abc_123 %}",
        "{{< youtube abc_123 >}}",
        "{{< youtube id=\"abc_123\" >}}",
        "{{ youtube(id=\"abc_123\") }}",
    ] {
        assert_eq!(
            html(md),
            "<p><a href=\"https://www.youtube.com/watch?v=abc_123\">YouTube video abc_123</a></p>\n",
            "{md}"
        );
    }
    assert!(html("{% vimeo 42 %}").contains("https://vimeo.com/42"));
    assert!(html("{% iframe https://x.example/p 400 300 %}")
        .contains("<a href=\"https://x.example/p\">"));
    assert!(html("{% jsfiddle abc %}").contains("https://jsfiddle.net/abc/"));
    assert!(html("{% gist 123 file.rb %}").contains("https://gist.github.com/123"));
    assert!(html("{{< gist spf13 7896402 >}}").contains("https://gist.github.com/spf13/7896402"));
    assert!(
        html("{{< tweet user=\"SanDiegoZoo\" id=\"1453110110599868418\" >}}")
            .contains("https://x.com/SanDiegoZoo/status/1453110110599868418")
    );
    assert!(!html("{% youtube x %}{{< vimeo 1 >}}").contains("<iframe"));
}

#[test]
fn notes_become_callouts() {
    let out = html("{% note warning %}\nCareful **now**.\n{% endnote %}");
    assert!(
        out.starts_with(
            "<div class=\"callout markdown-alert markdown-alert-warning\" data-callout=\"warning\"><div class=\"callout-title\"><div class=\"callout-title-inner\">Warning</div></div><div class=\"callout-content\">"
        ),
        "{out}"
    );
    assert!(
        out.contains("<p>Careful <strong>now</strong>.</p>"),
        "{out}"
    );
    let out = html("{{% admonition tip \"Pro tip\" false %}}\nx\n{{% /admonition %}}");
    assert!(
        out.contains("markdown-alert-tip") && out.contains(">Pro tip</div>"),
        "{out}"
    );
    let out = html(
        "{{% admonition type=\"note\" title=\"Fold\" details=\"true\" %}}\nx\n{{% /admonition %}}",
    );
    assert!(
        out.starts_with("<details class=\"callout is-collapsible markdown-alert markdown-alert-note\" data-callout=\"note\" data-callout-fold=\"-\"><summary class=\"callout-title\">"),
        "{out}"
    );
    assert!(html("{% alert danger %}x{% endalert %}").contains("markdown-alert-caution"));
    assert!(html("{{< notice info >}}\nx\n{{< /notice >}}").contains("markdown-alert-note"));
}

#[test]
fn hugo_figure_details_and_refs() {
    let out = html(
        "{{< figure src=\"/a.jpg\" alt=\"Alt\" caption=\"Cap\" link=\"https://x.example\" >}}",
    );
    assert_eq!(
        out,
        "<figure><a href=\"https://x.example\"><img src=\"/a.jpg\" alt=\"Alt\"></a><figcaption>Cap</figcaption></figure>"
    );
    let out = html("{{< details summary=\"More\" >}}\nHidden *text*.\n{{< /details >}}");
    assert!(
        out.starts_with("<details>\n<summary>More</summary>\n<p>Hidden <em>text</em>.</p>"),
        "{out}"
    );
    assert_eq!(
        html("[d]({{< ref \"docs/a.md\" >}})"),
        "<p><a href=\"docs/a.md\">d</a></p>\n"
    );
    assert_eq!(html("x {{< unknown a=1 >}} y"), "<p>x  y</p>\n");
    assert_eq!(html("{{% center %}}Kept{{% /center %}}"), "<p>Kept</p>\n");
}

#[test]
fn escaped_shortcodes_show_literally_even_in_code() {
    assert_eq!(
        html("{{</* figure src=\"x\" */>}}"),
        "<p>{{&lt; figure src=\"x\" &gt;}}</p>\n"
    );
    assert_eq!(
        html("```\n{{%/* x */%}}\n```"),
        "<pre><code>{{% x %}}\n</code></pre>\n"
    );
    assert_eq!(
        html("`{{/* youtube(id=\"a\") */}}`"),
        "<p><code>{{ youtube(id=\"a\") }}</code></p>\n"
    );
}

#[test]
fn zola_body_shortcodes() {
    let out = html("{% quote(author=\"Vincent\") %}\nA quote\n{% end %}");
    assert!(
        out.contains("<p>A quote</p>") && out.contains("<cite>Vincent</cite>"),
        "{out}"
    );
    assert_eq!(
        html("{% unknown(a=1) %}\nInner\n{% end %}"),
        "<p>Inner</p>\n"
    );
}

#[test]
fn liquid_outputs_includes_and_control_flow_go_quietly() {
    assert_eq!(
        html("Date: {{ page.date | date_to_string }}."),
        "<p>Date: .</p>\n"
    );
    assert_eq!(
        html("a {% include note.html content=\"x\" %} b"),
        "<p>a  b</p>\n"
    );
    assert_eq!(
        html("{% if x %}Yes{% else %}No{% endif %}"),
        "<p>YesNo</p>\n"
    );
    assert_eq!(
        html("{% capture x %}hidden{% endcapture %}shown"),
        "<p>shown</p>\n"
    );
    assert_eq!(
        html("{% comment %}{% if %}{% endcomment %}ok"),
        "<p>ok</p>\n"
    );
    // LaTeX braces are not template outputs; math is left as written.
    assert_eq!(
        html("$x^{{a}}$ and \\frac{{1}}{2}"),
        "<p><span class=\"math math-inline\">x^{{a}}</span> and \\frac{{1}}{2}</p>\n"
    );
}

#[test]
fn kramdown_attribute_lists_are_stripped() {
    assert_eq!(
        html("Para\n{: .note}\n\nNext {:#id}"),
        "<p>Para</p>\n<p>Next</p>\n"
    );
    assert_eq!(html("a {:hash => 1} b"), "<p>a {:hash =&gt; 1} b</p>\n");
    // Found by the fuzzer: the 512-byte search window ended inside a character.
    let long = format!("{{:y{}", "试".repeat(200));
    assert!(html(&long).contains("试试"));
}

#[test]
fn code_is_left_alone() {
    assert_eq!(
        html("`{% youtube x %}`"),
        "<p><code>{% youtube x %}</code></p>\n"
    );
    assert_eq!(
        html("    {% include a %}\n"),
        "<pre><code>{% include a %}\n</code></pre>\n"
    );
    assert_eq!(
        html("```\n{{< x >}} [[y]]\n```"),
        "<pre><code>{{&lt; x &gt;}} [[y]]\n</code></pre>\n"
    );
}

#[test]
fn blocks_inside_list_items_keep_their_indentation() {
    let out = html("- item\n\n  {% codeblock lang:sh %}\n  ls\n  {% endcodeblock %}\n- next");
    assert!(
        out.contains("<li>\n<p>item</p>\n<pre><code class=\"language-sh\">"),
        "{out}"
    );
    assert!(
        out.contains("<li>next</li>") || out.contains("<li>\n<p>next</p>"),
        "{out}"
    );
}

#[test]
fn malformed_tags_do_not_panic_or_duplicate() {
    let cases = [
        "{% raw)<!--{% include twitter_sharing.html)-->{% end",
        "{{< x >}} unclosed {{< y",
        "{{< a >}}{{< b >}}{{< /a >}}text{{< /b >}}",
        "{% blockquote %}never closed",
        "{% endblockquote %}{% endraw %}{{< /z >}}{% end %}",
        "{% raw %}open raw {{ x }}",
        "{{%/* unterminated escape",
        "[[unclosed wiki ![[ { {: {{ &#123;% ",
        "{%%}{{}}{{<>}}{{%%}}{{</**/>}}",
        "é{%é%}é{{é}}é[[é]]é",
    ];
    for c in cases {
        let out = expand(c);
        assert!(out.len() <= c.len() * 4 + 64, "{c:?} grew to {out:?}");
        let _ = unsafe_html(&out);
    }
    assert_eq!(expand("{% blockquote %}never closed"), "never closed");
    assert_eq!(expand("{% raw %}open raw"), "open raw");
}

#[test]
fn deep_and_repeated_tags_stay_linear() {
    let deep = "{% note %}".repeat(5000) + "x" + &"{% endnote %}".repeat(5000);
    let out = expand(&deep);
    assert!(
        out.contains('x') && out.len() < deep.len() * 8,
        "{}",
        out.len()
    );
    let unclosed = "{% raw %} {% codeblock %} {{< highlight >}} ".repeat(20_000);
    let out = expand(&unclosed);
    assert!(!out.contains("{%") && !out.contains("{{<"));
    let many = "{{< a >}}".repeat(20_000) + &"{{< /a >}}".repeat(20_000);
    assert!(expand(&many).trim().is_empty());
}

#[test]
fn three_examples() {
    assert_eq!(
        expand("{% codeblock lang:rust %}\nfn main() {}\n{% endcodeblock %}"),
        "```rust\nfn main() {}\n```\n\n"
    );
    assert_eq!(expand("{{ page.title }} [[Page]]"), " [[Page]]");
    assert!(matches!(expand("no tags"), Cow::Borrowed("no tags")));
}

/// The unknown tags of `md` as (dialect, name, where).
fn unknown(md: &str) -> Vec<(&'static str, String, usize)> {
    super::expand(md, code_ranges)
        .unknown
        .into_iter()
        .map(|u| (u.dialect, u.name, u.at))
        .collect()
}

#[test]
fn tags_folio_does_not_know_are_noted_where_they_start() {
    let md = "a {% tabs x %}\nin\n{% endtabs %} {{< gallery >}} {{ pirate(x=1) }} {% fold %}";
    assert_eq!(
        unknown(md),
        vec![
            ("liquid", "tabs".to_string(), 2),
            ("hugo", "gallery".to_string(), 32),
            ("zola", "pirate".to_string(), 48),
            ("liquid", "fold".to_string(), 66),
        ]
    );
    // What the block holds stays; the tags go.
    assert_eq!(expand(md), "a \nin\n   ");
    // Nested: the outer block is noted before the inner one, in reading order.
    let nested = unknown("{% outer %}{% inner %}x{% endinner %}{% endouter %}");
    assert_eq!(
        nested.iter().map(|u| u.1.as_str()).collect::<Vec<_>>(),
        ["outer", "inner"]
    );
}

#[test]
fn known_tags_statements_and_code_are_never_noted() {
    for md in [
        "{% asset_img a.png A %} {% include x.html %} {% assign a = 1 %} {% raw %}{% tabs %}{% endraw %}",
        "{% if x %}shown{% endif %} {% for p in posts %}{{ p.title }}{% endfor %} {% if open %}",
        "{% note info %}N{% endnote %} {% details Title %}D{% enddetails %} {% blockquote %}Q",
        "{{< figure src=\"a.png\" >}} {{< ref \"b.md\" >}} {{< param x >}} {{< highlight go >}}x{{< /highlight >}}",
        "{{< notice tip >}}T{{< /notice >}} {{ youtube(id=\"x\") }} {% quote(author=\"A\") %}Q{% end %}",
        "{%= page.title %} {{ page.title }} `{% tabs %}`\n\n```\n{{< gallery >}}\n```",
        "iframe {% iframe %} gist {% gist %} {% video %}",
    ] {
        assert_eq!(unknown(md), vec![], "{md}");
    }
}
