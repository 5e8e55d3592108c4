namespace AuthorBot.WebChat.Tests;

/// <summary>
/// Where the page tests leave their screenshots for a person to look at: AUTHORBOT_SCREENSHOTS, else a folder in the
/// system's temporary directory. Nothing is asserted on them.
/// </summary>
internal static class Screenshots
{
    public static string Folder
    {
        get
        {
            var folder = Environment.GetEnvironmentVariable("AUTHORBOT_SCREENSHOTS") is { Length: > 0 } configured
                ? configured
                : Path.Combine(Path.GetTempPath(), "authorbot-screenshots");
            Directory.CreateDirectory(folder);
            return folder;
        }
    }

    public static Task TakeAsync(IPage page, string name) =>
        page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Folder, name + ".png"), FullPage = true });
}
