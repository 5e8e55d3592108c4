using AuthorBot.Bot.Dashboard;

namespace AuthorBot.Bot.Tests.Dashboard;

public class DashboardSessionTests
{
    private const string Key = "the-announcements-key-0123456789";
    private static readonly DateTimeOffset _now = new(2026, 12, 7, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void A_session_issued_for_the_key_is_accepted_until_it_expires_and_never_holds_the_key()
    {
        var cookie = Issue(Key);

        Assert.DoesNotContain(Key, cookie, StringComparison.Ordinal);
        Assert.True(DashboardSession.IsSignedIn(WithCookie(cookie), Key, _now.AddHours(1)));
        Assert.False(DashboardSession.IsSignedIn(WithCookie(cookie), Key, _now + DashboardSession.Lifetime + TimeSpan.FromSeconds(1)));
    }

    [Fact]
    public void A_changed_key_or_a_tampered_cookie_signs_out()
    {
        var cookie = Issue(Key);
        var parts = cookie.Split('.');
        var later = (long.Parse(parts[0], System.Globalization.CultureInfo.InvariantCulture) + 86_400).ToString(System.Globalization.CultureInfo.InvariantCulture);

        Assert.False(DashboardSession.IsSignedIn(WithCookie(cookie), Key + "-rotated", _now));
        Assert.False(DashboardSession.IsSignedIn(WithCookie(later + "." + parts[1] + "." + parts[2]), Key, _now));
        Assert.False(DashboardSession.IsSignedIn(WithCookie("garbage"), Key, _now));
        Assert.False(DashboardSession.IsSignedIn(WithCookie(cookie), null, _now));
    }

    [Fact]
    public void The_form_key_is_checked_like_the_api_key()
    {
        Assert.Null(DashboardSession.CheckKey(Key, Key));
        Assert.Equal(StatusCodes.Status401Unauthorized, DashboardSession.CheckKey(Key, "wrong")!.Value.Status);
        Assert.Equal(StatusCodes.Status401Unauthorized, DashboardSession.CheckKey(Key, " ")!.Value.Status);
        Assert.Equal(StatusCodes.Status503ServiceUnavailable, DashboardSession.CheckKey(null, Key)!.Value.Status);
    }

    private static string Issue(string key)
    {
        var context = new DefaultHttpContext();
        DashboardSession.Issue(context, key, _now);
        var header = context.Response.Headers.SetCookie.ToString();
        Assert.Contains("httponly", header, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=strict", header, StringComparison.OrdinalIgnoreCase);
        return header.Split(';')[0].Split('=', 2)[1];
    }

    private static DefaultHttpContext WithCookie(string value)
    {
        var context = new DefaultHttpContext();
        context.Request.Headers.Cookie = DashboardSession.CookieName + "=" + value;
        return context;
    }
}
