using System.Text.Json;
using AuthorBot.BotFramework.State;

namespace AuthorBot.BotFramework.Tests.State;

public class StoreDocumentCodecTests
{
    [Theory]
    [InlineData("{}")]
    [InlineData("  { }")]
    [InlineData("{\"name\":\"Jo\",\"n\":3}")]
    [InlineData("{ \"nested\": {\"a\": [1, 2, {\"b\": null}]} }")]
    public void Decoding_adds_the_etag_and_keeps_every_property(string json)
    {
        var decoded = StoreDocumentCodec.Decode(json, "e\"tag\\1");

        Assert.Equal("e\"tag\\1", decoded.GetProperty("eTag").GetString());
        var original = JsonDocument.Parse(json).RootElement;
        Assert.Equal(original.EnumerateObject().Count() + 1, decoded.EnumerateObject().Count());
        foreach (var property in original.EnumerateObject())
        {
            Assert.Equal(property.Value.GetRawText(), decoded.GetProperty(property.Name).GetRawText());
        }
    }

    [Fact]
    public void A_stored_etag_inside_the_document_never_wins_over_the_row_etag()
    {
        var decoded = StoreDocumentCodec.Decode("{\"eTag\":\"stale\",\"x\":1}", "fresh");

        Assert.Equal("fresh", decoded.GetProperty("eTag").GetString());
        Assert.Single(decoded.EnumerateObject(), p => p.NameEquals("eTag"));
        Assert.Equal(1, decoded.GetProperty("x").GetInt32());
    }

    [Fact]
    public void A_state_document_serialized_for_the_change_check_is_stored_as_that_text()
    {
        var values = new Dictionary<string, object?> { ["profile"] = new Dictionary<string, object?> { ["name"] = "Jo" } };
        var json = JsonSerializer.Serialize(values, StateJson.Options);
        var document = new StateDocument { Values = values, ETag = "abc", Json = json };

        var encoded = StoreDocumentCodec.Encode("k", document, StateJson.Options);
        var slow = StoreDocumentCodec.Encode("k", new StateDocument { Values = values, ETag = "abc" }, StateJson.Options);

        Assert.Same(json, encoded.Json);
        Assert.Equal(slow.Json, encoded.Json);
        Assert.Equal("abc", encoded.ExpectedETag);
        Assert.Same(document, encoded.Item);
    }
}
