using System.Security.Cryptography;
using System.Text;

namespace AuthorBot.Bot.Announcements;

/// <summary>
/// The author's bearer key check, for the announcements API and the understanding API (misses, inbox) alike. There is
/// no default key: without <c>Announcements:ApiKey</c> those APIs are off and say so (503). Keys are compared as SHA-256 digests with <see cref="CryptographicOperations.FixedTimeEquals"/>,
/// so neither the content nor the length of the configured key leaks through timing.
/// </summary>
internal static class ApiKeyCheck
{
    public const string DisabledMessage = "This API is disabled: set Announcements:ApiKey (a long random secret, the author's key for the announcements and understanding APIs) in configuration to enable it.";
    public const string MissingMessage = "Missing API key: send 'Authorization: Bearer <Announcements:ApiKey>'.";
    public const string WrongMessage = "Wrong API key.";

    /// <summary>Null when the call may proceed, otherwise the status and message to answer with.</summary>
    public static (int Status, string Message)? Check(string? configuredKey, string? authorizationHeader)
    {
        if (string.IsNullOrWhiteSpace(configuredKey))
        {
            return (StatusCodes.Status503ServiceUnavailable, DisabledMessage);
        }

        const string Scheme = "Bearer ";
        if (authorizationHeader is null || !authorizationHeader.StartsWith(Scheme, StringComparison.OrdinalIgnoreCase))
        {
            return (StatusCodes.Status401Unauthorized, MissingMessage);
        }

        var presented = SHA256.HashData(Encoding.UTF8.GetBytes(authorizationHeader[Scheme.Length..].Trim()));
        var expected = SHA256.HashData(Encoding.UTF8.GetBytes(configuredKey));
        return CryptographicOperations.FixedTimeEquals(presented, expected) ? null : (StatusCodes.Status401Unauthorized, WrongMessage);
    }
}
