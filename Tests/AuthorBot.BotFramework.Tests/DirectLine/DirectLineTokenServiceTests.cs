using System.Buffers.Text;
using System.Text.Json;
using AuthorBot.BotFramework.DirectLine;

namespace AuthorBot.BotFramework.Tests.DirectLine;

public class DirectLineTokenServiceTests
{
    private readonly ShiftableTimeProvider _time = new();

    private DirectLineTokenService Service(string secret = "a-long-enough-secret-for-the-tests-0123456789") =>
        new(DirectLineSecret.Resolve(secret, Path.GetTempPath()), new DirectLineOptions { TokenLifetime = TimeSpan.FromMinutes(30) }, _time);

    [Fact]
    public void Issued_token_validates_and_carries_conversation_and_user()
    {
        var service = Service();
        var check = service.Validate(service.Issue("conv-1", "dl_alice"));

        Assert.Equal(DirectLineTokenStatus.Valid, check.Status);
        Assert.Equal("conv-1", check.Token!.ConversationId);
        Assert.Equal("dl_alice", check.Token.UserId);
    }

    [Fact]
    public void Token_is_a_jwt_whose_user_claim_web_chat_can_read_without_the_key()
    {
        var token = Service().Issue("conv-1", "dl_alice");
        var parts = token.Split('.');

        Assert.Equal(3, parts.Length);
        using var payload = JsonDocument.Parse(Base64Url.DecodeFromChars(parts[1]));
        Assert.Equal("dl_alice", payload.RootElement.GetProperty("user").GetString());
        Assert.Equal("conv-1", payload.RootElement.GetProperty("conv").GetString());
    }

    [Fact]
    public void Token_expires_after_its_lifetime()
    {
        var service = Service();
        var token = service.Issue("conv-1", null);

        _time.Advance(TimeSpan.FromMinutes(29));
        Assert.Equal(DirectLineTokenStatus.Valid, service.Validate(token).Status);
        _time.Advance(TimeSpan.FromMinutes(2));
        Assert.Equal(DirectLineTokenStatus.Expired, service.Validate(token).Status);
    }

    [Fact]
    public void Tampered_payload_or_other_secret_is_invalid()
    {
        var service = Service();
        var token = service.Issue("conv-1", "dl_alice");
        var parts = token.Split('.');
        var forgedPayload = Base64Url.EncodeToString(JsonSerializer.SerializeToUtf8Bytes(new { iss = "AuthorBot.DirectLine", conv = "conv-2", exp = long.MaxValue / 2 }));

        Assert.Equal(DirectLineTokenStatus.Invalid, service.Validate($"{parts[0]}.{forgedPayload}.{parts[2]}").Status);
        Assert.Equal(DirectLineTokenStatus.Invalid, Service("another-secret-entirely-9876543210-zyxwvu").Validate(token).Status);
        Assert.Equal(DirectLineTokenStatus.Invalid, service.Validate("undefined").Status);
        Assert.Equal(DirectLineTokenStatus.Invalid, service.Validate("a.b.c").Status);
    }
}
