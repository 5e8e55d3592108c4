using System.Collections;
using System.Security.Claims;
using System.Text.Json;
using AuthorBot.BotFramework.Diagnostics;
using AuthorBot.BotFramework.Schema;
using Microsoft.Extensions.Logging;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace AuthorBot.BotFramework.Auth;

/// <summary>
/// Validates the <c>Authorization: Bearer</c> JWT of a request to the bot the way the Bot Framework SDKs do, with
/// Microsoft.IdentityModel doing the signature and lifetime checks. The token's unverified claims pick the path, in the
/// SDKs' order: a skill token (rejected: no allowed callers are configured), an Emulator token (Azure AD issuers, the
/// app id in <c>appid</c>/<c>azp</c>), otherwise a channel token (issuer <c>https://api.botframework.com</c>, the
/// signing key's endorsements must name the activity's channel, the <c>serviceurl</c> claim must equal the activity's).
/// </summary>
/// <remarks>
/// Where the SDK's verdict is an accident of its JWT library, this is stricter, on purpose: a token without <c>exp</c>
/// is rejected (IdentityModel's default; the JS SDK accepts it), an activity with an empty <c>channelId</c> is not let
/// through the endorsement check, and an Emulator token's <c>aud</c> must be the app id (the SDK answers 500 later).
/// A key published after the last read is accepted as soon as a token names it (one throttled re-read), where the SDK
/// waits up to an hour. Every rejection is an <see cref="UnauthorizedAccessException"/>, which the endpoint answers 401.
/// </remarks>
internal sealed partial class JwtBotAuthenticator : IBotAuthenticator
{
    /// <summary>What Bot Framework channels stamp on activities they authenticated (public cloud).</summary>
    public const string PublicAzureCallerId = "urn:botframework:azure";

    private static readonly string[] _allowedAlgorithms = [SecurityAlgorithms.RsaSha256, SecurityAlgorithms.RsaSha384, SecurityAlgorithms.RsaSha512];
    private static readonly TimeSpan _clockSkew = TimeSpan.FromMinutes(5);

    private readonly JsonWebTokenHandler _handler = new();
    private readonly string _appId;
    private readonly string? _singleTenantId;
    private readonly OpenIdKeySource _channelKeys;
    private readonly OpenIdKeySource _emulatorKeys;
    private readonly ServiceUrlTrust _trust;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;

    public JwtBotAuthenticator(
        BotFrameworkAuthenticationOptions options,
        OpenIdKeySource channelKeys,
        OpenIdKeySource emulatorKeys,
        ServiceUrlTrust trust,
        TimeProvider time,
        ILogger<JwtBotAuthenticator> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.IsAnonymous)
        {
            throw new ArgumentException("JWT validation needs MicrosoftAppId.", nameof(options));
        }

        _appId = options.MicrosoftAppId!.Trim();
        _singleTenantId = options.AppType == BotAppType.MultiTenant ? null : options.MicrosoftAppTenantId?.Trim();
        _channelKeys = channelKeys;
        _emulatorKeys = emulatorKeys;
        _trust = trust;
        _time = time;
        _logger = logger;
    }

    public async Task<ClaimsIdentity> AuthenticateRequestAsync(Activity activity, string? authorizationHeader, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(activity);
        var token = BearerToken.Parse(authorizationHeader)
            ?? throw Reject("missing_token", string.IsNullOrEmpty(authorizationHeader) ? "no Authorization header" : "the Authorization header is not 'Bearer <token>'");

        JsonWebToken jwt;
        try
        {
            jwt = _handler.ReadJsonWebToken(token);
        }
        catch (Exception ex) when (ex is ArgumentException or SecurityTokenMalformedException)
        {
            throw Reject("malformed_token", "the bearer token is not a JWT");
        }

        // Checked before any key lookup: IdentityModel would otherwise try every key for a kid-less token, and accept
        // RSA-PSS, neither of which a Bot Framework channel sends.
        if (string.IsNullOrEmpty(jwt.Kid))
        {
            throw Reject("malformed_token", "the token has no kid");
        }

        if (!_allowedAlgorithms.Contains(jwt.Alg, StringComparer.Ordinal))
        {
            throw Reject("algorithm", $"signing algorithm '{jwt.Alg}' is not allowed");
        }

        var version = Claim(jwt, "ver");
        var audience = jwt.Audiences.FirstOrDefault();
        var callerAppId = version == "2.0" ? Claim(jwt, "azp") : Claim(jwt, "appid");
        if (version is not null && audience is not null && audience != TokenIssuers.Channel && callerAppId is not null && callerAppId != audience)
        {
            throw Reject("skill_caller", "skill tokens (another bot's app id) are not accepted: no allowed callers are configured");
        }

        var emulatorIssuers = TokenIssuers.Emulator(_singleTenantId, Claim(jwt, "tid"));
        var identity = emulatorIssuers.Contains(jwt.Issuer, StringComparer.Ordinal)
            ? await ValidateEmulatorTokenAsync(token, jwt, emulatorIssuers, version, callerAppId, cancellationToken).ConfigureAwait(false)
            : await ValidateChannelTokenAsync(token, jwt, activity, cancellationToken).ConfigureAwait(false);

        activity.CallerId = PublicAzureCallerId;
        await _trust.TrustAsync(activity.ServiceUrl, cancellationToken).ConfigureAwait(false);
        BotTelemetry.InboundTokenValidations.Add(1, new KeyValuePair<string, object?>(TelemetryAttributes.AuthOutcome, "accepted"));
        return identity;
    }

    private async Task<ClaimsIdentity> ValidateChannelTokenAsync(string token, JsonWebToken jwt, Activity activity, CancellationToken cancellationToken)
    {
        // Issuer before signature, as the SDKs do: a token from an issuer nobody trusts costs no key lookup.
        if (!string.Equals(jwt.Issuer, TokenIssuers.Channel, StringComparison.Ordinal))
        {
            throw Reject("issuer", $"issuer '{jwt.Issuer}' is neither the Bot Framework channel issuer nor an Emulator issuer");
        }

        var key = await FindKeyAsync(_channelKeys, jwt.Kid, cancellationToken).ConfigureAwait(false);
        var identity = await ValidateAsync(token, key, [TokenIssuers.Channel]).ConfigureAwait(false);

        var endorsements = Endorsements(key);
        if (endorsements.Count > 0)
        {
            if (string.IsNullOrEmpty(activity.ChannelId))
            {
                throw Reject("endorsement", "the activity has no channelId to check against the signing key's endorsements");
            }

            if (!endorsements.Contains(activity.ChannelId))
            {
                throw Reject("endorsement", $"the signing key is not endorsed for channel '{activity.ChannelId}'");
            }
        }

        // The claim binds the token to the Connector the channel will accept replies at; without this check a valid
        // token could carry an activity whose replies (and a reader's data export) go to an address of the sender's choice.
        if (activity.ServiceUrl is not null && !string.Equals(Claim(jwt, "serviceurl"), activity.ServiceUrl, StringComparison.Ordinal))
        {
            throw Reject("service_url", "the serviceurl claim does not match the activity's serviceUrl");
        }

        return identity;
    }

    private async Task<ClaimsIdentity> ValidateEmulatorTokenAsync(
        string token, JsonWebToken jwt, IReadOnlyList<string> issuers, string? version, string? callerAppId, CancellationToken cancellationToken)
    {
        if (version is not ("1.0" or "2.0"))
        {
            throw Reject("emulator_version", version is null ? "Emulator tokens need a ver claim" : $"Emulator token version '{version}' is not supported");
        }

        var key = await FindKeyAsync(_emulatorKeys, jwt.Kid, cancellationToken).ConfigureAwait(false);
        var identity = await ValidateAsync(token, key, issuers).ConfigureAwait(false);
        if (!string.Equals(callerAppId, _appId, StringComparison.OrdinalIgnoreCase))
        {
            throw Reject("emulator_app_id", $"the Emulator token's {(version == "2.0" ? "azp" : "appid")} is not this bot's app id");
        }

        return identity;
    }

    private async Task<JsonWebKey> FindKeyAsync(OpenIdKeySource source, string keyId, CancellationToken cancellationToken)
    {
        JsonWebKey? key;
        try
        {
            key = await source.FindKeyAsync(keyId, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            // The bot cannot tell a good token from a bad one without keys. The request is refused (never a 5xx, which
            // some channels retry) and the operator gets the reason.
            LogMetadataUnavailable(ex, source.MetadataUrl);
            throw Reject("keys_unavailable", "the signing keys could not be read");
        }

        return key ?? throw Reject("unknown_key", $"signing key '{keyId}' is not published");
    }

    private async Task<ClaimsIdentity> ValidateAsync(string token, JsonWebKey key, IReadOnlyList<string> issuers)
    {
        var parameters = new TokenValidationParameters
        {
            ValidIssuers = issuers,
            ValidAudience = _appId,
            IssuerSigningKey = key,
            TryAllIssuerSigningKeys = false,
            ValidAlgorithms = _allowedAlgorithms,
            ClockSkew = _clockSkew,
            RequireExpirationTime = true,
            RequireSignedTokens = true,
            ValidateLifetime = true,
            LifetimeValidator = ValidateLifetime,
        };

        var result = await _handler.ValidateTokenAsync(token, parameters).ConfigureAwait(false);
        if (!result.IsValid)
        {
            var (category, reason) = result.Exception switch
            {
                SecurityTokenExpiredException => ("expired", "the token has expired"),
                SecurityTokenNotYetValidException => ("not_yet_valid", "the token is not valid yet"),
                SecurityTokenNoExpirationException => ("no_expiry", "the token has no exp claim"),
                SecurityTokenInvalidAudienceException => ("audience", "the token's audience is not this bot's app id"),
                SecurityTokenInvalidIssuerException => ("issuer", "the token's issuer is not accepted"),
                SecurityTokenSignatureKeyNotFoundException or SecurityTokenInvalidSignatureException => ("signature", "the token's signature is not valid"),
                SecurityTokenInvalidAlgorithmException => ("algorithm", "the token's algorithm is not allowed"),
                { } other => ("invalid", "the token is not valid (" + other.GetType().Name + ")"),
                null => ("invalid", "the token is not valid"),
            };
            throw Reject(category, reason);
        }

        return result.ClaimsIdentity;
    }

    // The host's TimeProvider rather than the system clock, so lifetime checks follow the same clock as everything else.
    private bool ValidateLifetime(DateTime? notBefore, DateTime? expires, SecurityToken securityToken, TokenValidationParameters parameters)
    {
        if (expires is null)
        {
            throw new SecurityTokenNoExpirationException("The token has no exp claim.");
        }

        var now = _time.GetUtcNow().UtcDateTime;
        if (notBefore is { } nbf && nbf > now + _clockSkew)
        {
            throw new SecurityTokenNotYetValidException("The token is not valid yet.");
        }

        return expires.Value >= now - _clockSkew
            ? true
            : throw new SecurityTokenExpiredException("The token has expired.");
    }

    private static string? Claim(JsonWebToken jwt, string type) =>
        jwt.TryGetClaim(type, out var claim) ? claim.Value : null;

    // The JWKS member is an array of channel ids; IdentityModel keeps unknown members in AdditionalData with whatever
    // shape its JSON reader gave them, so both JSON elements and plain sequences are read.
    private static HashSet<string> Endorsements(JsonWebKey key)
    {
        var endorsements = new HashSet<string>(StringComparer.Ordinal);
        if (!key.AdditionalData.TryGetValue("endorsements", out var value) || value is null)
        {
            return endorsements;
        }

        switch (value)
        {
            case JsonElement { ValueKind: JsonValueKind.Array } array:
                foreach (var item in array.EnumerateArray())
                {
                    if (item.ValueKind == JsonValueKind.String && item.GetString() is { } s)
                    {
                        endorsements.Add(s);
                    }
                }

                break;
            case string single:
                endorsements.Add(single);
                break;
            case IEnumerable sequence:
                foreach (var item in sequence)
                {
                    if (item?.ToString() is { } s)
                    {
                        endorsements.Add(s);
                    }
                }

                break;
        }

        return endorsements;
    }

    // The category (a fixed word) is what the metric records: the reason may quote the token's claims.
    private static UnauthorizedAccessException Reject(string category, string reason)
    {
        BotTelemetry.InboundTokenValidations.Add(
            1,
            new KeyValuePair<string, object?>(TelemetryAttributes.AuthOutcome, "rejected"),
            new KeyValuePair<string, object?>(TelemetryAttributes.AuthReason, category));
        return new(reason);
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Could not read the signing keys from {MetadataUrl}; requests are refused until it answers")]
    private partial void LogMetadataUnavailable(Exception exception, string metadataUrl);
}
