using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;

namespace AuthorBot.Bot.DirectLine;

/// <summary>
/// The Web Chat reader's identity, bound to the browser: the reader id the token endpoint issued, in an httpOnly,
/// SameSite=Strict cookie protected (encrypted and signed, with an expiry) by ASP.NET Core Data Protection. Page script
/// cannot read it, another site cannot send it, and nobody can write one for an id they merely know.
/// </summary>
internal sealed class ReaderCookie(IDataProtectionProvider protection, TimeProvider time, TimeSpan lifetime)
{
    public const string Name = "authorbot.reader";

    private readonly ITimeLimitedDataProtector _protector = protection.CreateProtector("AuthorBot.DirectLine.ReaderIdentity.v1").ToTimeLimitedDataProtector();

    /// <summary>The reader id the request's cookie vouches for, or null (no cookie, tampered, expired, or from another key ring).</summary>
    public string? Read(HttpContext context)
    {
        if (!context.Request.Cookies.TryGetValue(Name, out var value) || string.IsNullOrEmpty(value) || value.Length > 1024)
        {
            return null;
        }

        try
        {
            var readerId = _protector.Unprotect(value, out var expires);
            return expires > time.GetUtcNow() && DirectLineTokenEndpoint.IsReaderId(readerId) ? readerId : null;
        }
        catch (CryptographicException)
        {
            return null;
        }
    }

    /// <summary>Sets (or renews) the cookie for <paramref name="readerId"/>, sent back only to <paramref name="path"/>.</summary>
    public void Write(HttpContext context, string readerId, string path)
    {
        var expires = time.GetUtcNow() + lifetime;
        context.Response.Cookies.Append(Name, _protector.Protect(readerId, expires), new CookieOptions
        {
            HttpOnly = true,
            SameSite = SameSiteMode.Strict,
            Secure = context.Request.IsHttps,
            Path = path,
            Expires = expires,
            IsEssential = true,
        });
    }
}
