using System.Net;
using System.Text.Json;

namespace AuthorBot.Bot.Tests.Announcements;

public sealed class AnnouncementApiTests
{
    private const string Valid = """{"text":"Hello {name}!"}""";

    [Fact]
    public async Task Without_a_configured_key_every_call_is_refused_with_a_clear_message()
    {
        await using var host = await AnnouncementHost.StartAsync("--Announcements:ApiKey=");
        using var post = await host.PostAsync(Valid);
        using var get = await host.SendAsync(HttpMethod.Get, "/api/announcements/ann_x");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, post.StatusCode);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, get.StatusCode);
        Assert.Contains("Announcements:ApiKey", await post.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("wrong-key")]
    [InlineData("test-key-012345678")]
    [InlineData("test-key-01234567890")]
    public async Task A_missing_or_wrong_key_gets_401(string? key)
    {
        await using var host = await AnnouncementHost.StartAsync();
        using var response = await host.PostAsync(Valid, key);
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("Bearer", response.Headers.WwwAuthenticate.Single().Scheme);
    }

    [Theory]
    [InlineData("{\"text\": ", "The body is not valid JSON at 'text'")]
    [InlineData("[1,2]", "The body must be a JSON object describing the announcement (line 1, column 2).")]
    [InlineData("{\"text\":\"hi\",\"schedule\":{\"kind\":\"at\",\"at\":\"yesterday\"}}", "'schedule.at' must be a date and time with its offset")]
    [InlineData("{\"variants\":[{\"id\":\"A\",\"text\":\"a\",\"weight\":\"heavy\"}]}", "'variants[0].weight' must be a number")]
    [InlineData("{\"text\":[\"hi\"]}", "'text' must be a string")]
    [InlineData("{\"txet\":\"hi\"}", "txet")]
    [InlineData("{}", "'text' is required")]
    [InlineData("{\"text\":\"Hi {nmae}\"}", "Unknown placeholder '{nmae}'")]
    [InlineData("{\"text\":\"hi\",\"audience\":{\"kind\":\"vip\"}}", "'audience.kind'")]
    [InlineData("{\"text\":\"hi\",\"audience\":{\"kind\":\"interests\"}}", "'audience.interests'")]
    [InlineData("{\"text\":\"hi\",\"schedule\":{\"kind\":\"at\"}}", "'schedule.at' is required")]
    [InlineData("{\"text\":\"hi\",\"schedule\":{\"kind\":\"bestHour\",\"windowStart\":\"2030-01-02T00:00:00Z\",\"windowEnd\":\"2030-01-01T00:00:00Z\"}}", "'schedule.windowEnd' must be after")]
    [InlineData("{\"variants\":[{\"id\":\"A\",\"text\":\"a\"},{\"id\":\"A\",\"text\":\"b\"}]}", "must be unique")]
    [InlineData("{\"variants\":[{\"text\":\"a\",\"weight\":-1}]}", "'variants[0].weight'")]
    [InlineData("{\"text\":\"hi\",\"card\":{\"title\":\"T\",\"buttons\":[{\"title\":\"Go\",\"url\":\"javascript:alert(1)\"}]}}", "'card.buttons[0]'")]
    [InlineData("{\"text\":\"hi\",\"audience\":{\"kind\":\"event\",\"eventId\":\"no-such-event\"}}", "No reader holds a seat for event 'no-such-event'")]
    [InlineData("{\"text\":\"hi\",\"audience\":{\"kind\":\"event\"}}", "'audience.eventId' is required")]
    public async Task Bad_bodies_get_400_with_a_message_that_names_the_problem(string body, string expected)
    {
        await using var host = await AnnouncementHost.StartAsync();
        using var response = await host.PostAsync(body);
        var text = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        using var json = JsonDocument.Parse(text);
        var error = json.RootElement.GetProperty("error").GetString();
        Assert.Contains(expected, error, StringComparison.Ordinal);
        Assert.DoesNotContain("System.", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Unknown_announcements_and_links_get_404()
    {
        await using var host = await AnnouncementHost.StartAsync();
        using var get = await host.SendAsync(HttpMethod.Get, "/api/announcements/ann_missing");
        using var delete = await host.SendAsync(HttpMethod.Delete, "/api/announcements/ann_missing");
        using var results = await host.SendAsync(HttpMethod.Get, "/api/announcements/ann_missing/results");
        using var link = await host.SendAsync(HttpMethod.Get, "/r/notatoken", key: null);
        Assert.Equal(HttpStatusCode.NotFound, get.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, delete.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, results.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, link.StatusCode);
    }

    [Fact]
    public async Task A_scheduled_announcement_can_be_cancelled_before_it_is_sent()
    {
        await using var channel = await AnnouncementChannel.StartAsync();
        await using var host = await AnnouncementHost.StartAsync();
        await host.SeedReadersAsync(5, channel.ServiceUrl);
        var at = DateTimeOffset.UtcNow.AddHours(2).ToString("O", System.Globalization.CultureInfo.InvariantCulture);
        var id = await host.CreateAsync("{\"text\":\"Later\",\"schedule\":{\"kind\":\"at\",\"at\":\"" + at + "\"}}");
        var before = await host.GetJsonAsync("/api/announcements/" + id);
        Assert.Equal("scheduled", before.GetProperty("status").GetString());
        Assert.Equal(5, before.GetProperty("pending").GetInt32());

        using var cancel = await host.SendAsync(HttpMethod.Delete, "/api/announcements/" + id);
        Assert.Equal(HttpStatusCode.OK, cancel.StatusCode);
        var after = await host.GetJsonAsync("/api/announcements/" + id);
        Assert.Equal("cancelled", after.GetProperty("status").GetString());
        Assert.Equal(5, after.GetProperty("cancelled").GetInt32());
        Assert.Equal(0, after.GetProperty("pending").GetInt32());
        Assert.Equal(0, channel.PostCount);
    }
}
