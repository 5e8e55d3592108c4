using System.Text.Json.Nodes;
using AuthorBot.BotFramework.Auth;
using AuthorBot.BotFramework.Schema;
using Microsoft.Extensions.Logging.Abstractions;

namespace AuthorBot.BotFramework.Tests.Auth;

/// <summary>
/// The cases of ../shared/bench/auth (tokens.js), built here with our own keys, and what the official SDK does with
/// each; where this bot differs on purpose the case says so. run-matrix.mjs checks the same verdicts against the
/// running host and the real JS SDK (AuthorBot.Bot.Tests).
/// </summary>
public sealed class JwtBotAuthenticatorTests(IdentityProviderFixture fixture) : IClassFixture<IdentityProviderFixture>
{
    private const string AppId = "7c5c1c10-4a4e-4b8e-9d3c-5b2f0a9e1d42";
    private const string OtherAppId = "0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d";
    private const string BotFrameworkTenant = "d6d49420-f39b-4df7-a1dc-d59a935871db";
    private const string OtherTenant = "3e8c2a71-5b94-4c0f-a6d2-8f1e7b9c0d35";
    private const string UnlistedTenant = "9f2b6d40-1c7e-4a85-b3d9-6e0a4c8f2b17";
    private const string ServiceUrl = "https://smba.trafficmanager.net/amer/";

    private static readonly long _now = DateTimeOffset.UtcNow.ToUnixTimeSeconds();

    private readonly TestIdentityProvider _idp = fixture.Provider;

    public static TheoryData<string, bool> StaticCases => new()
    {
        { "channel-valid", true },
        { "channel-valid-second-key", true },
        { "channel-valid-rs384", true },
        { "channel-valid-rs512", true },
        { "channel-ps256", false },
        { "channel-expired", false },
        { "channel-expired-within-skew", true },
        { "channel-not-yet-valid", false },
        { "channel-nbf-within-skew", true },
        { "channel-no-exp", false }, // SDK accepts (jsonwebtoken checks exp only when present); documented divergence
        { "channel-wrong-audience", false },
        { "channel-audience-botframework", false },
        { "channel-no-audience", false },
        { "channel-wrong-issuer", false },
        { "channel-issuer-trailing-slash", false },
        { "channel-bad-signature", false },
        { "channel-tampered-payload", false },
        { "channel-unknown-kid", false },
        { "channel-no-kid", false },
        { "channel-signed-by-aad-key", false },
        { "channel-key-not-endorsed", false },
        { "channel-key-endorsed-other-channel", true },
        { "channel-key-not-endorsed-empty-channelid", false }, // SDK accepts an empty channelId; documented divergence
        { "channel-valid-no-channelid", false },
        { "channel-channelid-case", false },
        { "channel-key-without-endorsements", true },
        { "channel-es256-published-ec-key", false },
        { "channel-serviceurl-mismatch", false },
        { "channel-serviceurl-trailing-slash", false },
        { "channel-serviceurl-missing", false },
        { "channel-activity-without-serviceurl", true },
        { "channel-alg-none", false },
        { "channel-hs256-public-key-secret", false },
        { "header-missing", false },
        { "header-empty", false },
        { "header-bearer-only", false },
        { "header-basic", false },
        { "header-basic-with-valid-token", false },
        { "header-lowercase-bearer", false },
        { "header-double-space", false },
        { "header-not-a-jwt", false },
        { "emulator-v1-valid", true },
        { "emulator-v2-valid", true },
        { "emulator-v1-on-msteams-activity", true },
        { "emulator-v1-wrong-appid", false },
        { "emulator-v2-missing-azp", false },
        { "emulator-v1-missing-appid", false },
        { "emulator-no-ver", false },
        { "emulator-ver-3", false },
        { "emulator-expired", false },
        { "emulator-signed-by-channel-key", false },
        { "emulator-bad-signature", false },
        { "emulator-other-tenant-issuer", true },
        { "emulator-unlisted-issuer", false },
        { "emulator-aud-botframework", false },
        { "skill-token-no-allowed-callers", false },
        { "skill-token-v2-no-allowed-callers", false },
        { "skill-token-foreign-audience", false },
        { "rotation-kid-not-yet-published", false },
    };

    [Theory]
    [MemberData(nameof(StaticCases))]
    public async Task Matrix_case_gets_the_bots_verdict(string caseId, bool accepted)
    {
        var (header, activity) = Build(caseId);
        var authenticator = CreateAuthenticator(_idp);

        if (accepted)
        {
            var identity = await authenticator.AuthenticateRequestAsync(activity, header, CancellationToken.None);
            Assert.True(identity.IsAuthenticated);
            Assert.Equal(JwtBotAuthenticator.PublicAzureCallerId, activity.CallerId);
        }
        else
        {
            await Assert.ThrowsAsync<UnauthorizedAccessException>(() => authenticator.AuthenticateRequestAsync(activity, header, CancellationToken.None));
            Assert.Null(activity.CallerId);
        }
    }

    [Fact]
    public async Task A_rotated_key_is_accepted_once_published_and_the_retired_one_rejected_after_the_refresh()
    {
        using var idp = new TestIdentityProvider();
        var authenticator = CreateAuthenticator(idp, minimumRefresh: TimeSpan.FromSeconds(1));
        var rotated = idp.Pending;
        var retiring = idp.Channel("bf-key-old");

        Assert.True(await AcceptsAsync(authenticator, Bearer(retiring.Sign(ChannelClaims()))), "retiring key, before the rotation");
        Assert.False(await AcceptsAsync(authenticator, Bearer(rotated.Sign(ChannelClaims()))), "a kid the provider does not publish yet");

        idp.Rotate(retire: "bf-key-old");
        await Task.Delay(TimeSpan.FromSeconds(1.2));

        // An unknown kid asks for one refresh; IdentityModel serves the cached set meanwhile and swaps in the new one
        // when it arrives, so the new key is accepted within moments, far sooner than the SDK's hour.
        Assert.True(await EventuallyAcceptsAsync(authenticator, Bearer(rotated.Sign(ChannelClaims()))), "the new key after the rotation");
        Assert.False(await AcceptsAsync(authenticator, Bearer(idp.Channel("bf-key-1").Sign(ChannelClaims())) + "x"), "control: a broken token");
        Assert.True(await AcceptsAsync(authenticator, Bearer(idp.Channel("bf-key-1").Sign(ChannelClaims()))), "a key kept across the rotation");
        Assert.False(await AcceptsAsync(authenticator, Bearer(retiring.Sign(ChannelClaims()))), "the retired key");
    }

    [Fact]
    public async Task Made_up_key_ids_cause_at_most_one_metadata_read_per_refresh_interval()
    {
        using var idp = new TestIdentityProvider();
        var authenticator = CreateAuthenticator(idp, minimumRefresh: TimeSpan.FromMinutes(5));
        Assert.True(await AcceptsAsync(authenticator, Bearer(idp.Channel("bf-key-1").Sign(ChannelClaims()))));
        var before = idp.Fetches(TestIdentityProvider.ChannelMetadataUrl);

        for (var i = 0; i < 50; i++)
        {
            Assert.False(await AcceptsAsync(authenticator, Bearer(idp.Rogue.Sign(ChannelClaims(), kid: "made-up-" + i))));
        }

        await Task.Delay(200);
        Assert.InRange(idp.Fetches(TestIdentityProvider.ChannelMetadataUrl) - before, 0, 1);
    }

    [Fact]
    public async Task Valid_tokens_need_no_metadata_read_per_request()
    {
        using var idp = new TestIdentityProvider();
        var authenticator = CreateAuthenticator(idp);
        for (var i = 0; i < 20; i++)
        {
            Assert.True(await AcceptsAsync(authenticator, Bearer(idp.Channel("bf-key-1").Sign(ChannelClaims()))));
        }

        Assert.Equal(1, idp.Fetches(TestIdentityProvider.ChannelMetadataUrl));
    }

    [Fact]
    public async Task Unreachable_metadata_is_a_rejection_not_a_crash()
    {
        using var idp = new TestIdentityProvider();
        using var http = new HttpClient(idp);
        var keys = new OpenIdKeySource("http://127.0.0.1:9/nowhere/.well-known/openidconfiguration", http, TimeSpan.FromHours(12), TimeSpan.FromSeconds(1));
        var authenticator = new JwtBotAuthenticator(Options(), keys, keys, new ServiceUrlTrust(true), TimeProvider.System, NullLogger<JwtBotAuthenticator>.Instance);

        var error = await Assert.ThrowsAsync<UnauthorizedAccessException>(
            () => authenticator.AuthenticateRequestAsync(Activity(), Bearer(idp.Channel("bf-key-1").Sign(ChannelClaims())), CancellationToken.None));
        Assert.Contains("signing keys could not be read", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_single_tenant_bot_accepts_Emulator_tokens_of_its_own_tenant_only()
    {
        var options = Options();
        options.MicrosoftAppType = "SingleTenant";
        options.MicrosoftAppTenantId = OtherTenant;
        var authenticator = CreateAuthenticator(_idp, options: options);
        var aad = _idp.Aad("aad-key-1");

        Assert.True(await AcceptsAsync(authenticator, Bearer(aad.Sign(EmulatorV1(("iss", $"https://sts.windows.net/{OtherTenant}/"), ("tid", OtherTenant)))), Activity(channelId: "emulator")));
        Assert.False(await AcceptsAsync(authenticator, Bearer(aad.Sign(EmulatorV1())), Activity(channelId: "emulator")));
    }

    [Fact]
    public async Task An_accepted_channel_request_makes_its_service_url_trusted()
    {
        var trust = new ServiceUrlTrust(true);
        var authenticator = CreateAuthenticator(_idp, trust: trust);
        Assert.False(await trust.IsTrustedAsync(ServiceUrl, CancellationToken.None));

        Assert.False(await AcceptsAsync(authenticator, Bearer(_idp.Channel("bf-key-1").Sign(ChannelClaims(("aud", OtherAppId))))));
        Assert.False(await trust.IsTrustedAsync(ServiceUrl, CancellationToken.None));

        Assert.True(await AcceptsAsync(authenticator, Bearer(_idp.Channel("bf-key-1").Sign(ChannelClaims()))));
        Assert.True(await trust.IsTrustedAsync(ServiceUrl, CancellationToken.None));
        Assert.True(await trust.IsTrustedAsync(ServiceUrl.TrimEnd('/'), CancellationToken.None));
        Assert.False(await trust.IsTrustedAsync("https://attacker.invalid/", CancellationToken.None));
    }

    private (string? Header, Activity Activity) Build(string caseId)
    {
        var bf1 = _idp.Channel("bf-key-1");
        var aad = _idp.Aad("aad-key-1");
        var valid = bf1.Sign(ChannelClaims());
        return caseId switch
        {
            "channel-valid" => (Bearer(valid), Activity()),
            "channel-valid-second-key" => (Bearer(_idp.Channel("bf-key-2").Sign(ChannelClaims())), Activity()),
            "channel-valid-rs384" => (Bearer(bf1.Sign(ChannelClaims(), alg: "RS384")), Activity()),
            "channel-valid-rs512" => (Bearer(bf1.Sign(ChannelClaims(), alg: "RS512")), Activity()),
            "channel-ps256" => (Bearer(bf1.Sign(ChannelClaims(), alg: "PS256")), Activity()),
            "channel-expired" => (Bearer(bf1.Sign(ChannelClaims(("iat", _now - 4200), ("nbf", _now - 4200), ("exp", _now - 600)))), Activity()),
            "channel-expired-within-skew" => (Bearer(bf1.Sign(ChannelClaims(("iat", _now - 3720), ("nbf", _now - 3720), ("exp", _now - 120)))), Activity()),
            "channel-not-yet-valid" => (Bearer(bf1.Sign(ChannelClaims(("iat", _now), ("nbf", _now + 600), ("exp", _now + 4200)))), Activity()),
            "channel-nbf-within-skew" => (Bearer(bf1.Sign(ChannelClaims(("iat", _now), ("nbf", _now + 120), ("exp", _now + 3720)))), Activity()),
            "channel-no-exp" => (Bearer(bf1.Sign(Without(ChannelClaims(), "exp"))), Activity()),
            "channel-wrong-audience" => (Bearer(bf1.Sign(ChannelClaims(("aud", OtherAppId)))), Activity()),
            "channel-audience-botframework" => (Bearer(bf1.Sign(ChannelClaims(("aud", "https://api.botframework.com")))), Activity()),
            "channel-no-audience" => (Bearer(bf1.Sign(Without(ChannelClaims(), "aud"))), Activity()),
            "channel-wrong-issuer" => (Bearer(bf1.Sign(ChannelClaims(("iss", "https://api.botframework.us")))), Activity()),
            "channel-issuer-trailing-slash" => (Bearer(bf1.Sign(ChannelClaims(("iss", "https://api.botframework.com/")))), Activity()),
            "channel-bad-signature" => (Bearer(_idp.Rogue.Sign(ChannelClaims(), kid: "bf-key-1")), Activity()),
            "channel-tampered-payload" => (Bearer(TestKey.Tamper(valid, p => p["serviceurl"] = "https://attacker.invalid/")), Activity(serviceUrl: "https://attacker.invalid/")),
            "channel-unknown-kid" => (Bearer(_idp.Rogue.Sign(ChannelClaims())), Activity()),
            "channel-no-kid" => (Bearer(bf1.Sign(ChannelClaims(), omitKid: true)), Activity()),
            "channel-signed-by-aad-key" => (Bearer(aad.Sign(ChannelClaims())), Activity()),
            "channel-key-not-endorsed" => (Bearer(_idp.Channel("bf-key-skype").Sign(ChannelClaims())), Activity()),
            "channel-key-endorsed-other-channel" => (Bearer(_idp.Channel("bf-key-skype").Sign(ChannelClaims())), Activity(channelId: "skype")),
            "channel-key-not-endorsed-empty-channelid" => (Bearer(_idp.Channel("bf-key-skype").Sign(ChannelClaims())), Activity(channelId: string.Empty)),
            "channel-valid-no-channelid" => (Bearer(valid), Activity(channelId: null)),
            "channel-channelid-case" => (Bearer(valid), Activity(channelId: "MSTEAMS")),
            "channel-key-without-endorsements" => (Bearer(_idp.Channel("bf-key-noend").Sign(ChannelClaims())), Activity()),
            "channel-es256-published-ec-key" => (Bearer(_idp.Channel("bf-key-ec").Sign(ChannelClaims(), alg: "ES256")), Activity()),
            "channel-serviceurl-mismatch" => (Bearer(bf1.Sign(ChannelClaims(("serviceurl", "https://attacker.invalid/")))), Activity()),
            "channel-serviceurl-trailing-slash" => (Bearer(bf1.Sign(ChannelClaims(("serviceurl", ServiceUrl.TrimEnd('/'))))), Activity()),
            "channel-serviceurl-missing" => (Bearer(bf1.Sign(Without(ChannelClaims(), "serviceurl"))), Activity()),
            "channel-activity-without-serviceurl" => (Bearer(valid), Activity(serviceUrl: null)),
            "channel-alg-none" => (Bearer(TestKey.Unsigned(ChannelClaims(), "bf-key-1")), Activity()),
            "channel-hs256-public-key-secret" => (Bearer(bf1.Sign(ChannelClaims(), alg: "HS256")), Activity()),
            "header-missing" => (null, Activity()),
            "header-empty" => (string.Empty, Activity()),
            "header-bearer-only" => ("Bearer", Activity()),
            "header-basic" => ("Basic dXNlcjpwYXNz", Activity()),
            "header-basic-with-valid-token" => ("Basic " + valid, Activity()),
            "header-lowercase-bearer" => ("bearer " + valid, Activity()),
            "header-double-space" => ("Bearer  " + valid, Activity()),
            "header-not-a-jwt" => ("Bearer not-a-jwt", Activity()),
            "emulator-v1-valid" => (Bearer(aad.Sign(EmulatorV1())), Activity(channelId: "emulator")),
            "emulator-v2-valid" => (Bearer(aad.Sign(EmulatorV2())), Activity(channelId: "emulator")),
            "emulator-v1-on-msteams-activity" => (Bearer(aad.Sign(EmulatorV1())), Activity()),
            "emulator-v1-wrong-appid" => (Bearer(aad.Sign(EmulatorV1(("aud", OtherAppId), ("appid", OtherAppId)))), Activity(channelId: "emulator")),
            "emulator-v2-missing-azp" => (Bearer(aad.Sign(Without(EmulatorV2(), "azp"))), Activity(channelId: "emulator")),
            "emulator-v1-missing-appid" => (Bearer(aad.Sign(Without(EmulatorV1(), "appid"))), Activity(channelId: "emulator")),
            "emulator-no-ver" => (Bearer(aad.Sign(Without(EmulatorV1(), "ver"))), Activity(channelId: "emulator")),
            "emulator-ver-3" => (Bearer(aad.Sign(EmulatorV1(("ver", "3.0")))), Activity(channelId: "emulator")),
            "emulator-expired" => (Bearer(aad.Sign(EmulatorV1(("iat", _now - 4200), ("nbf", _now - 4200), ("exp", _now - 600)))), Activity(channelId: "emulator")),
            "emulator-signed-by-channel-key" => (Bearer(bf1.Sign(EmulatorV1())), Activity(channelId: "emulator")),
            "emulator-bad-signature" => (Bearer(_idp.Rogue.Sign(EmulatorV1(), kid: "aad-key-1")), Activity(channelId: "emulator")),
            "emulator-other-tenant-issuer" => (Bearer(aad.Sign(EmulatorV1(("iss", $"https://sts.windows.net/{OtherTenant}/"), ("tid", OtherTenant)))), Activity(channelId: "emulator")),
            "emulator-unlisted-issuer" => (Bearer(aad.Sign(EmulatorV1(("iss", $"https://sts.windows.net/{UnlistedTenant}/")))), Activity(channelId: "emulator")),
            "emulator-aud-botframework" => (Bearer(aad.Sign(EmulatorV1(("aud", "https://api.botframework.com")))), Activity(channelId: "emulator")),
            "skill-token-no-allowed-callers" => (Bearer(aad.Sign(EmulatorV1(("appid", OtherAppId)))), Activity(channelId: "emulator")),
            "skill-token-v2-no-allowed-callers" => (Bearer(aad.Sign(EmulatorV2(("azp", OtherAppId)))), Activity(channelId: "emulator")),
            "skill-token-foreign-audience" => (Bearer(aad.Sign(EmulatorV1(("aud", "https://graph.microsoft.com")))), Activity(channelId: "emulator")),
            "rotation-kid-not-yet-published" => (Bearer(_idp.Pending.Sign(ChannelClaims())), Activity()),
            _ => throw new ArgumentOutOfRangeException(nameof(caseId), caseId, "unknown case"),
        };
    }

    private static async Task<bool> AcceptsAsync(JwtBotAuthenticator authenticator, string header, Activity? activity = null)
    {
        try
        {
            await authenticator.AuthenticateRequestAsync(activity ?? Activity(), header, CancellationToken.None);
            return true;
        }
        catch (UnauthorizedAccessException)
        {
            return false;
        }
    }

    private static async Task<bool> EventuallyAcceptsAsync(JwtBotAuthenticator authenticator, string header)
    {
        for (var attempt = 0; attempt < 50; attempt++)
        {
            if (await AcceptsAsync(authenticator, header))
            {
                return true;
            }

            await Task.Delay(100);
        }

        return false;
    }

    private static JwtBotAuthenticator CreateAuthenticator(
        TestIdentityProvider idp, TimeSpan? minimumRefresh = null, BotFrameworkAuthenticationOptions? options = null, ServiceUrlTrust? trust = null)
    {
        var http = new HttpClient(idp, disposeHandler: false);
        var refresh = minimumRefresh ?? TimeSpan.FromSeconds(1);
        return new JwtBotAuthenticator(
            options ?? Options(),
            new OpenIdKeySource(TestIdentityProvider.ChannelMetadataUrl, http, TimeSpan.FromHours(12), refresh),
            new OpenIdKeySource(TestIdentityProvider.EmulatorMetadataUrl, http, TimeSpan.FromHours(12), refresh),
            trust ?? new ServiceUrlTrust(true),
            TimeProvider.System,
            NullLogger<JwtBotAuthenticator>.Instance);
    }

    private static BotFrameworkAuthenticationOptions Options() => new() { MicrosoftAppId = AppId, MicrosoftAppPassword = "secret" };

    private static string Bearer(string token) => "Bearer " + token;

    private static Activity Activity(string? channelId = "msteams", string? serviceUrl = ServiceUrl) => new(ActivityTypes.Message)
    {
        ChannelId = channelId,
        ServiceUrl = serviceUrl,
        Conversation = new ConversationAccount(id: "conv-1"),
        From = new ChannelAccount("user-1"),
        Text = "hi",
    };

    private static JsonObject ChannelClaims(params (string Name, object Value)[] changes) => With(
        new JsonObject
        {
            ["serviceurl"] = ServiceUrl,
            ["iat"] = _now - 60,
            ["nbf"] = _now - 60,
            ["exp"] = _now + 3600,
            ["iss"] = "https://api.botframework.com",
            ["aud"] = AppId,
        },
        changes);

    private static JsonObject EmulatorV1(params (string Name, object Value)[] changes) => With(
        new JsonObject
        {
            ["aud"] = AppId,
            ["iss"] = $"https://sts.windows.net/{BotFrameworkTenant}/",
            ["iat"] = _now - 60,
            ["nbf"] = _now - 60,
            ["exp"] = _now + 3600,
            ["appid"] = AppId,
            ["appidacr"] = "1",
            ["tid"] = BotFrameworkTenant,
            ["ver"] = "1.0",
        },
        changes);

    private static JsonObject EmulatorV2(params (string Name, object Value)[] changes) => With(
        new JsonObject
        {
            ["aud"] = AppId,
            ["iss"] = $"https://login.microsoftonline.com/{BotFrameworkTenant}/v2.0",
            ["iat"] = _now - 60,
            ["nbf"] = _now - 60,
            ["exp"] = _now + 3600,
            ["azp"] = AppId,
            ["azpacr"] = "1",
            ["tid"] = BotFrameworkTenant,
            ["ver"] = "2.0",
        },
        changes);

    private static JsonObject With(JsonObject claims, (string Name, object Value)[] changes)
    {
        foreach (var (name, value) in changes)
        {
            claims[name] = value switch
            {
                long l => JsonValue.Create(l),
                string s => JsonValue.Create(s),
                _ => throw new ArgumentOutOfRangeException(nameof(changes)),
            };
        }

        return claims;
    }

    private static JsonObject Without(JsonObject claims, string name)
    {
        claims.Remove(name);
        return claims;
    }
}
