using System.Text.Encodings.Web;

namespace AuthorBot.Bot.Dashboard;

/// <summary>The dashboard's sign-in form: a plain HTML form that POSTs the key, so the key never lands in a URL or history.</summary>
internal static class DashboardSignInPage
{
    public static string Render(string authorName, string? error)
    {
        var encoder = HtmlEncoder.Default;
        var message = error is null
            ? string.Empty
            : $"""<p id="signin-error" class="error" role="alert">{encoder.Encode(error)}</p>""";
        return $$"""
            <!DOCTYPE html>
            <html lang="en">
            <head>
              <meta charset="utf-8">
              <meta name="viewport" content="width=device-width, initial-scale=1">
              <title>Sign in · {{encoder.Encode(authorName)}}'s dashboard</title>
              <link rel="stylesheet" href="/dashboard.css">
            </head>
            <body class="signin">
              <main>
                <h1>{{encoder.Encode(authorName)}}'s dashboard</h1>
                <p>Sign in with the announcements API key (<code>Announcements:ApiKey</code>).</p>
                {{message}}
                <form method="post" action="/dashboard/signin">
                  <label for="key">API key</label>
                  <input id="key" name="key" type="password" autocomplete="current-password" required>
                  <button type="submit">Sign in</button>
                </form>
              </main>
            </body>
            </html>
            """;
    }
}
