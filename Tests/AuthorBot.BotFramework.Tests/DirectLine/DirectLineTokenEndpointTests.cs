using System.Net;
using System.Text.Json;
using AuthorBot.BotFramework.DirectLine;
using Microsoft.Extensions.DependencyInjection;

namespace AuthorBot.BotFramework.Tests.DirectLine;

public class DirectLineTokenEndpointTests
{
    private static void AssertError(JsonElement body, string code) =>
        Assert.Equal(code, body.GetProperty("error").GetProperty("code").GetString());

    [Fact]
    public async Task Generate_needs_the_secret_and_returns_a_token_for_a_new_conversation()
    {
        await using var server = await DirectLineTestServer.StartAsync();

        var generated = await server.SendJsonAsync(HttpMethod.Post, "tokens/generate", DirectLineTestServer.Secret, """{"user":{"id":"dl_alice"}}""");
        Assert.False(string.IsNullOrEmpty(generated.GetProperty("conversationId").GetString()));
        Assert.Equal(1800, generated.GetProperty("expires_in").GetInt32());
        var token = generated.GetProperty("token").GetString()!;

        // A token cannot mint tokens, and no credential at all is a 401.
        AssertError(await server.SendJsonAsync(HttpMethod.Post, "tokens/generate", token, expected: HttpStatusCode.Forbidden), "Forbidden");
        AssertError(await server.SendJsonAsync(HttpMethod.Post, "tokens/generate", null, expected: HttpStatusCode.Unauthorized), "MissingAuthorization");
        AssertError(await server.SendJsonAsync(HttpMethod.Post, "tokens/generate", "undefined", expected: HttpStatusCode.Forbidden), "BadArgument");
        AssertError(await server.SendJsonAsync(HttpMethod.Post, "tokens/generate", DirectLineTestServer.Secret, """{"user":""", HttpStatusCode.BadRequest), "BadArgument");
    }

    [Fact]
    public async Task Refresh_returns_a_new_token_for_the_same_conversation()
    {
        await using var server = await DirectLineTestServer.StartAsync();
        var (conversationId, token, _) = await server.StartConversationAsync();

        var refreshed = await server.SendJsonAsync(HttpMethod.Post, "tokens/refresh", token);
        Assert.Equal(conversationId, refreshed.GetProperty("conversationId").GetString());
        var newToken = refreshed.GetProperty("token").GetString()!;
        Assert.NotEqual(token, newToken);

        // The refreshed token works on the conversation; the secret cannot be "refreshed".
        Assert.Equal(JsonValueKind.Array, (await server.GetActivitiesAsync(conversationId, newToken)).GetProperty("activities").ValueKind);
        AssertError(await server.SendJsonAsync(HttpMethod.Post, "tokens/refresh", DirectLineTestServer.Secret, expected: HttpStatusCode.Forbidden), "Forbidden");
    }

    [Fact]
    public async Task Expired_token_is_refused_with_403_TokenExpired_everywhere()
    {
        var time = new ShiftableTimeProvider();
        await using var server = await DirectLineTestServer.StartAsync(time: time);
        var (conversationId, token, _) = await server.StartConversationAsync();

        time.Advance(TimeSpan.FromMinutes(31));

        AssertError(await server.SendJsonAsync(HttpMethod.Get, $"conversations/{conversationId}/activities", token, expected: HttpStatusCode.Forbidden), "TokenExpired");
        AssertError(await server.SendJsonAsync(HttpMethod.Post, "tokens/refresh", token, expected: HttpStatusCode.Forbidden), "TokenExpired");
        AssertError(await server.SendJsonAsync(HttpMethod.Get, $"conversations/{conversationId}", token, expected: HttpStatusCode.Forbidden), "TokenExpired");
    }

    [Fact]
    public async Task Token_for_one_conversation_is_refused_on_another()
    {
        await using var server = await DirectLineTestServer.StartAsync();
        var (first, firstToken, _) = await server.StartConversationAsync("dl_one");
        var (second, secondToken, _) = await server.StartConversationAsync("dl_two");

        AssertError(await server.SendJsonAsync(HttpMethod.Get, $"conversations/{second}/activities", firstToken, expected: HttpStatusCode.Forbidden), "Forbidden");
        AssertError(await server.SendJsonAsync(HttpMethod.Post, $"conversations/{first}/activities", secondToken, """{"type":"message","text":"hi"}""", HttpStatusCode.Forbidden), "Forbidden");

        // The secret reaches any conversation; an unknown conversation is 404.
        await server.GetActivitiesAsync(second, DirectLineTestServer.Secret);
        AssertError(await server.SendJsonAsync(HttpMethod.Get, "conversations/nope/activities", DirectLineTestServer.Secret, expected: HttpStatusCode.NotFound), "BadArgument");
    }

    [Fact]
    public async Task Issuer_hands_out_tokens_in_process_that_start_a_welcomed_conversation()
    {
        await using var server = await DirectLineTestServer.StartAsync();
        var issuer = server.Services.GetRequiredService<DirectLineTokenIssuer>();

        var grant = issuer.Issue("dl_returning");
        var started = await server.SendJsonAsync(HttpMethod.Post, "conversations", grant.Token, """{"user":{}}""", HttpStatusCode.Created);

        Assert.Equal(grant.ConversationId, started.GetProperty("conversationId").GetString());
        Assert.Equal(1800, grant.ExpiresIn);
        var welcome = DirectLineTestServer.Activities(await server.GetActivitiesAsync(grant.ConversationId, grant.Token)).Single();
        Assert.Equal("Welcome, dl_returning!", welcome.GetProperty("text").GetString());
        Assert.Throws<ArgumentException>(() => issuer.Issue("bad\nid"));
    }
}
