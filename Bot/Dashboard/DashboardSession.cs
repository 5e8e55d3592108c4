using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using AuthorBot.Bot.Announcements;

namespace AuthorBot.Bot.Dashboard;

/// <summary>
/// The dashboard's session cookie. Signing in with the announcements API key issues an expiry and a random nonce
/// signed with a key derived from the API key: nothing is stored server-side, sessions survive a restart, and
/// rotating the API key signs everyone out. The cookie is httpOnly and SameSite=Strict, so neither page script nor
/// another site can use it; the key itself never appears in a cookie or a URL.
/// </summary>
internal static class DashboardSession
{
    public const string CookieName = "authorbot-dashboard";

    /// <summary>How long a sign-in lasts.</summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromHours(12);

    /// <summary>Checks the key typed into the sign-in form: null when it is right, else the status and message.</summary>
    public static (int Status, string Message)? CheckKey(string? configuredKey, string? presented) =>
        string.IsNullOrWhiteSpace(configuredKey)
            ? (StatusCodes.Status503ServiceUnavailable, "The dashboard is off because the announcements API is: set Announcements:ApiKey (a long random secret) in configuration.")
            : string.IsNullOrWhiteSpace(presented)
                ? (StatusCodes.Status401Unauthorized, "Enter the announcements API key to sign in.")
                : ApiKeyCheck.Check(configuredKey, "Bearer " + presented) is null
                    ? null
                    : (StatusCodes.Status401Unauthorized, "That is not the announcements API key.");

    public static void Issue(HttpContext context, string configuredKey, DateTimeOffset now)
    {
        var expires = now + Lifetime;
        var payload = expires.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture) + "." + Base64Url(RandomNumberGenerator.GetBytes(16));
        context.Response.Cookies.Append(CookieName, payload + "." + Sign(configuredKey, payload), Options(context, expires));
    }

    public static void End(HttpContext context) =>
        context.Response.Cookies.Delete(CookieName, Options(context, DateTimeOffset.UnixEpoch));

    /// <summary>True when the request carries a cookie this key signed and that has not expired.</summary>
    public static bool IsSignedIn(HttpContext context, string? configuredKey, DateTimeOffset now)
    {
        if (string.IsNullOrWhiteSpace(configuredKey) || context.Request.Cookies[CookieName] is not { Length: < 200 } cookie)
        {
            return false;
        }

        var parts = cookie.Split('.');
        if (parts.Length != 3 || !long.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var expires) || expires < now.ToUnixTimeSeconds())
        {
            return false;
        }

        var expected = Encoding.ASCII.GetBytes(Sign(configuredKey, parts[0] + "." + parts[1]));
        return CryptographicOperations.FixedTimeEquals(expected, Encoding.ASCII.GetBytes(parts[2]));
    }

    private static CookieOptions Options(HttpContext context, DateTimeOffset expires) => new()
    {
        HttpOnly = true,
        SameSite = SameSiteMode.Strict,
        Secure = context.Request.IsHttps,
        Path = "/dashboard",
        Expires = expires,
        IsEssential = true,
    };

    private static string Sign(string configuredKey, string payload)
    {
        // A key of its own for sessions, so a cookie's signature says nothing usable about the API key.
        var key = HMACSHA256.HashData(Encoding.UTF8.GetBytes(configuredKey), "authorbot-dashboard-session"u8);
        return Base64Url(HMACSHA256.HashData(key, Encoding.ASCII.GetBytes(payload)));
    }

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
