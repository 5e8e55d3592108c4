using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace AuthorBot.BotFramework.DirectLine;

/// <summary>
/// Issues and checks conversation-scoped tokens. They are compact JWTs signed with HMAC-SHA256,
/// because Web Chat decodes the token (without verifying it) and takes the user id from its
/// <c>user</c> claim; the signature check happens only here.
/// </summary>
internal sealed class DirectLineTokenService(DirectLineSecret secret, DirectLineOptions options, TimeProvider time)
{
    private const string Issuer = "AuthorBot.DirectLine";
    private static readonly string _encodedHeader = Base64Url.EncodeToString("""{"alg":"HS256","typ":"JWT"}"""u8);

    /// <summary>How long a token issued now lives, in whole seconds (the <c>expires_in</c> field).</summary>
    public int LifetimeSeconds => (int)Math.Max(1, options.TokenLifetime.TotalSeconds);

    /// <summary>Issues a token for <paramref name="conversationId"/>, carrying <paramref name="userId"/> when given.</summary>
    public string Issue(string conversationId, string? userId)
    {
        var now = time.GetUtcNow().ToUnixTimeSeconds();
        using var buffer = new MemoryStream(256);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteString("iss", Issuer);
            writer.WriteString("conv", conversationId);
            if (userId is not null)
            {
                writer.WriteString("user", userId);
            }

            writer.WriteNumber("iat", now);
            writer.WriteNumber("exp", now + LifetimeSeconds);
            writer.WriteString("jti", Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(9)));
            writer.WriteEndObject();
        }

        var signedPart = _encodedHeader + "." + Base64Url.EncodeToString(buffer.GetBuffer().AsSpan(0, (int)buffer.Length));
        return signedPart + "." + Base64Url.EncodeToString(Sign(signedPart));
    }

    /// <summary>Checks signature, issuer and expiry.</summary>
    public DirectLineTokenCheck Validate(string token)
    {
        var firstDot = token.IndexOf('.', StringComparison.Ordinal);
        var lastDot = token.LastIndexOf('.');
        if (firstDot <= 0 || lastDot <= firstDot || token.Length > 4096)
        {
            return DirectLineTokenCheck.Invalid;
        }

        var signedPart = token.AsSpan(0, lastDot);
        Span<byte> signature = stackalloc byte[64];
        if (!Base64Url.IsValid(token.AsSpan(lastDot + 1))
            || Base64Url.GetMaxDecodedLength(token.Length - lastDot - 1) > signature.Length
            || Base64Url.DecodeFromChars(token.AsSpan(lastDot + 1), signature) is not HMACSHA256.HashSizeInBytes
            || !CryptographicOperations.FixedTimeEquals(signature[..HMACSHA256.HashSizeInBytes], Sign(signedPart)))
        {
            return DirectLineTokenCheck.Invalid;
        }

        var payloadText = token.AsSpan(firstDot + 1, lastDot - firstDot - 1);
        if (!Base64Url.IsValid(payloadText))
        {
            return DirectLineTokenCheck.Invalid;
        }

        var payload = Base64Url.DecodeFromChars(payloadText);
        string? conversationId = null, userId = null, issuer = null;
        long expires = 0;
        try
        {
            var reader = new Utf8JsonReader(payload);
            using var document = JsonDocument.ParseValue(ref reader);
            foreach (var property in document.RootElement.EnumerateObject())
            {
                switch (property.Name)
                {
                    case "iss": issuer = property.Value.GetString(); break;
                    case "conv": conversationId = property.Value.GetString(); break;
                    case "user": userId = property.Value.GetString(); break;
                    case "exp": expires = property.Value.GetInt64(); break;
                    default: break;
                }
            }
        }
        catch (Exception exception) when (exception is JsonException or InvalidOperationException or FormatException)
        {
            return DirectLineTokenCheck.Invalid;
        }

        if (issuer != Issuer || string.IsNullOrEmpty(conversationId))
        {
            return DirectLineTokenCheck.Invalid;
        }

        var expiresAt = DateTimeOffset.FromUnixTimeSeconds(expires);
        return time.GetUtcNow() >= expiresAt
            ? DirectLineTokenCheck.Expired
            : new DirectLineTokenCheck(DirectLineTokenStatus.Valid, new DirectLineToken(conversationId, userId, expiresAt));
    }

    private byte[] Sign(ReadOnlySpan<char> signedPart)
    {
        Span<byte> utf8 = stackalloc byte[Encoding.UTF8.GetMaxByteCount(signedPart.Length)];
        var length = Encoding.UTF8.GetBytes(signedPart, utf8);
        return HMACSHA256.HashData(secret.SigningKey, utf8[..length]);
    }
}
