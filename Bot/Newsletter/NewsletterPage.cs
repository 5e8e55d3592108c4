using System.Net;
using System.Text;

namespace AuthorBot.Bot.Newsletter;

/// <summary>The small HTML pages the email links answer with.</summary>
internal static class NewsletterPage
{
    public static IResult Show(int status, string title, string message, string? formAction = null, string? buttonText = null)
    {
        var form = formAction is null
            ? string.Empty
            : $"""<form method="post" action="{WebUtility.HtmlEncode(formAction)}"><input type="hidden" name="List-Unsubscribe" value="One-Click"><button type="submit">{WebUtility.HtmlEncode(buttonText)}</button></form>""";
        var html = $"""
            <!DOCTYPE html>
            <html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
            <meta name="robots" content="noindex"><title>{WebUtility.HtmlEncode(title)}</title>
            <style>body{"{"}font-family:system-ui,sans-serif;max-width:36rem;margin:3rem auto;padding:0 1rem;line-height:1.5{"}"}</style></head>
            <body><h1>{WebUtility.HtmlEncode(title)}</h1><p>{WebUtility.HtmlEncode(message)}</p>{form}</body></html>
            """;
        return Results.Content(html, "text/html; charset=utf-8", Encoding.UTF8, status);
    }
}
