using System.Text.Json;

namespace AuthorBot.BotFramework.Tests.Schema;

public class JsonTreeTests
{
    private static JsonElement Parse(string json) => JsonDocument.Parse(json).RootElement.Clone();

    [Theory]
    [InlineData("""{"a":1,"b":{"c":null}}""", """{"a":1,"b":{}}""")]
    [InlineData("""{"a":[1,2]}""", """{"a":[1]}""")]
    [InlineData("""{"timestamp":"2019-08-20T20:37:05.499Z"}""", """{"timestamp":"2019-08-20T20:37:05.498Z"}""")]
    [InlineData("""{"localTimestamp":"2019-08-20T13:37:05-07:00"}""", """{"localTimestamp":"2019-08-20T20:37:05Z"}""")]
    public void Detects_differences(string expected, string actual)
    {
        Assert.ThrowsAny<Xunit.Sdk.XunitException>(() => JsonTree.AssertEquivalent(Parse(expected), Parse(actual)));
    }

    [Theory]
    [InlineData("""{"a":1.0,"b":"x"}""", """{"b":"x","a":1}""")]
    [InlineData("""{"timestamp":"2019-08-20T20:37:05.4990000+00:00"}""", """{"timestamp":"2019-08-20T20:37:05.499Z"}""")]
    public void Accepts_equivalent_trees(string expected, string actual)
    {
        JsonTree.AssertEquivalent(Parse(expected), Parse(actual));
    }
}
