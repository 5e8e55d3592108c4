using AuthorBot.BotFramework.Diagnostics;

namespace AuthorBot.BotFramework.Tests.Diagnostics;

public class TelemetryRedactionTests
{
    [Theory]
    [InlineData("v3/conversations/19%3Aabc%40thread.tacv2/activities/1%3A2", "v3/conversations/{id}/activities/{id}")]
    [InlineData("v3/conversations", "v3/conversations")]
    [InlineData("v3/conversations/a%7Cb/pagedmembers?pageSize=5&continuationToken=x", "v3/conversations/{id}/pagedmembers")]
    [InlineData("/v3/directline/conversations/Xyz123/activities", "/v3/directline/conversations/{id}/activities")]
    public void Paths_keep_only_the_protocols_own_words(string path, string template) =>
        Assert.Equal(template, TelemetryRedaction.PathTemplate(path));

    [Fact]
    public void Urls_keep_their_origin_and_lose_user_info_query_and_ids() =>
        Assert.Equal(
            "https://smba.trafficmanager.net/{id}/v3/conversations/{id}/activities",
            TelemetryRedaction.UrlTemplate(new Uri("https://user:pw@smba.trafficmanager.net/amer/v3/conversations/a:b/activities?x=1")));

    [Fact]
    public void Hashes_are_stable_under_one_key_differ_between_keys_and_hide_the_id()
    {
        var one = new TelemetryIdHasher(new byte[32]);
        var other = TelemetryIdHasher.FromConfiguredKey("another secret of enough length");
        var hash = one.Hash("29:reader-id");

        Assert.Equal(hash, one.Hash("29:reader-id"));
        Assert.NotEqual(hash, other.Hash("29:reader-id"));
        Assert.NotEqual(hash, one.Hash("29:reader-id2"));
        Assert.Matches("^[0-9a-f]{16}$", hash);
        Assert.Null(one.Hash(null));
        Assert.Throws<ArgumentException>(() => TelemetryIdHasher.FromConfiguredKey("short"));
    }
}
