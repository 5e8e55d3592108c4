using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using AuthorBot.BotFramework.Schema;

namespace AuthorBot.BotFramework.Tests.Schema;

public class FixtureRoundTripTests
{
    private const string AdaptiveCardContentType = "application/vnd.microsoft.card.adaptive";

    public static TheoryData<string> Fixtures() => [.. FixtureFiles.All()];

    [Fact]
    public void Fixture_folder_holds_every_shared_fixture()
    {
        Assert.True(FixtureFiles.All().Count() >= 40, "fixtures were not copied");
    }

    [Theory]
    [MemberData(nameof(Fixtures))]
    public void Fixture_round_trips_without_losing_a_field(string relativePath)
    {
        var bytes = FixtureFiles.Read(relativePath);
        using var document = JsonDocument.Parse(BotJson.SkipBom(bytes).ToArray());
        var root = document.RootElement;
        var name = Path.GetFileName(relativePath);

        switch (relativePath.Split('/')[0])
        {
            case "connector-sessions":
                RoundTripSession(root);
                return;
            case "spec":
                // Swagger documents are not payloads; reading them proves BOM tolerance of the reader.
                AssertRoundTrips(root, BotJsonContext.Default.JsonElement);
                return;
            default:
                break;
        }

        switch (name)
        {
            case "e2e-test-bot.bot.json":
                AssertRoundTrips(root, BotJsonContext.Default.JsonElement);
                break;
            case "sample-conversation.transcript.json":
                AssertRoundTrips(root, BotJsonContext.Default.ActivityArray);
                Assert.All(BotJson.Deserialize(bytes, BotJsonContext.Default.ActivityArray)!, a => Assert.NotNull(a.Type));
                break;
            case "SampleResponseGetTeamsConversationMembers.json":
                AssertRoundTrips(root, BotJsonContext.Default.ChannelAccountArray);
                break;
            case "SampleResponseGetTeamsPaginatedConversationMembers.json":
                AssertRoundTrips(root, BotJsonContext.Default.PagedMembersResult);
                break;
            case "SampleResponseTeamsGetConversationMember.json":
                AssertRoundTrips(root, BotJsonContext.Default.ChannelAccount);
                break;
            case "SampleAdaptiveCard.json" or "ActionExecute.json" or "simple-form-card.action-submit.json":
                AssertRoundTrips(Wrap($$"""{"contentType":"{{AdaptiveCardContentType}}","content":{{root.GetRawText()}}}"""), BotJsonContext.Default.Attachment);
                break;
            case "SampleTaskModuleAdaptiveCardPayload.json":
                AssertRoundTrips(Wrap($$"""{"status":200,"body":{{root.GetRawText()}}}"""), BotJsonContext.Default.InvokeResponse);
                break;
            case "TeamsChannelData.allfields.json":
                AssertRoundTrips(Wrap($$"""{"type":"message","channelData":{{root.GetRawText()}}}"""), BotJsonContext.Default.Activity);
                break;
            default:
                AssertRoundTrips(root, BotJsonContext.Default.Activity);
                var activity = BotJson.DeserializeActivity(bytes)!;
                Assert.True(activity.Type is not null || activity.Name is not null, "no typed field was read");
                break;
        }
    }

    [Fact]
    public void Unknown_fields_land_in_Properties_and_typed_fields_are_typed()
    {
        var activity = BotJson.DeserializeActivity(FixtureFiles.Read("directline/ComplexActivityPayload.json"))!;

        Assert.Equal(ActivityTypes.Message, activity.Type);
        Assert.Equal("directline", activity.ChannelId);
        Assert.Equal(new DateTimeOffset(2022, 3, 25, 0, 57, 22, TimeSpan.Zero).AddTicks(5223034), activity.Timestamp);
        Assert.Equal(TimeSpan.FromHours(-7), activity.LocalTimestamp?.Offset);
        Assert.Contains("cci_bot_id", activity.Properties!.Keys);
        Assert.Contains("testActivityObject", activity.Properties!.Keys);
        Assert.Equal("16481698424364zrfbvvt1s5", activity.ChannelData?.GetProperty("clientActivityID").GetString());
    }

    [Fact]
    public void Teams_payload_with_bom_reads_mentions_and_members()
    {
        var bytes = FixtureFiles.Read("teams/SampleActivityMembersAdded.json");
        Assert.True(bytes.AsSpan().StartsWith("\uFEFF"u8), "fixture should start with a BOM");

        var activity = BotJson.DeserializeActivity(bytes)!;

        Assert.Equal(ActivityTypes.ConversationUpdate, activity.Type);
        Assert.NotEmpty(activity.MembersAdded!);
        Assert.StartsWith("https://", activity.ServiceUrl, StringComparison.Ordinal);

        var mention = BotJson.DeserializeActivity(FixtureFiles.Read("teams/SampleActivityAtMention.json"))!;
        var entity = Assert.Single(mention.Entities!, e => e.Type == "mention");
        Assert.True(entity.Properties!.ContainsKey("mentioned"));
    }

    [Fact]
    public void Writes_swagger_input_hints_and_omits_nulls()
    {
        var json = BotJson.Serialize(new Activity(ActivityTypes.Message) { Text = "Name?", InputHint = InputHints.ExpectingInput });

        Assert.Equal("""{"type":"message","text":"Name?","inputHint":"expectingInput"}""", json);
    }

    [Fact]
    public void Writes_utc_timestamps_with_Z_and_keeps_local_offsets()
    {
        var activity = BotJson.DeserializeActivity("""{"type":"message","timestamp":"2022-03-25T00:57:22.5223034+00:00","localTimestamp":"2022-03-24T17:57:22.436-07:00"}"""u8)!;

        var json = BotJson.Serialize(activity);

        Assert.Contains("\"timestamp\":\"2022-03-25T00:57:22.5223034Z\"", json, StringComparison.Ordinal);
        Assert.Contains("\"localTimestamp\":\"2022-03-24T17:57:22.436-07:00\"", json, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("2019-08-20T20:37:05Z")]
    [InlineData("2019-08-20T20:37:05.499Z")]
    [InlineData("2019-08-20T20:37:05.4990000+00:00")]
    [InlineData("2019-08-20T20:37:05.499")]
    [InlineData("2019-08-20T22:37:05.499+02:00")]
    public void Reads_timestamp_variants(string raw)
    {
        var activity = BotJson.DeserializeActivity(Encoding.UTF8.GetBytes($$"""{"type":"message","timestamp":"{{raw}}"}"""))!;

        Assert.Equal(new DateTimeOffset(2019, 8, 20, 20, 37, 5, TimeSpan.Zero), activity.Timestamp!.Value.AddMilliseconds(-activity.Timestamp.Value.Millisecond));
    }

    [Fact]
    public void Garbage_timestamp_is_a_json_error()
    {
        Assert.Throws<JsonException>(() => BotJson.DeserializeActivity("""{"type":"message","timestamp":"yesterday"}"""u8));
    }

    [Fact]
    public void Nesting_beyond_the_cap_is_rejected()
    {
        var deep = "{\"type\":\"message\",\"channelData\":" + new string('[', 200) + new string(']', 200) + "}";

        Assert.Throws<JsonException>(() => BotJson.DeserializeActivity(Encoding.UTF8.GetBytes(deep)));
    }

    private static void RoundTripSession(JsonElement session)
    {
        foreach (var entry in session.GetProperty("Entries").EnumerateArray())
        {
            var method = entry.GetProperty("RequestMethod").GetString()!;
            var uri = entry.GetProperty("RequestUri").GetString()!.Split('?')[0];
            var status = entry.GetProperty("StatusCode").GetInt32();
            var request = entry.GetProperty("RequestBody").GetString();
            var response = entry.GetProperty("ResponseBody").GetString();

            if (!string.IsNullOrWhiteSpace(request))
            {
                if (method == "POST" && uri == "/v3/conversations")
                {
                    AssertRoundTrips(Wrap(request), BotJsonContext.Default.ConversationParameters);
                }
                else
                {
                    AssertRoundTrips(Wrap(request), BotJsonContext.Default.Activity);
                }
            }

            if (string.IsNullOrWhiteSpace(response))
            {
                continue;
            }

            if (status >= 400)
            {
                AssertRoundTrips(Wrap(response), BotJsonContext.Default.ErrorResponse);
            }
            else if (uri.EndsWith("/pagedmembers", StringComparison.Ordinal))
            {
                AssertRoundTrips(Wrap(response), BotJsonContext.Default.PagedMembersResult);
            }
            else if (uri.EndsWith("/members", StringComparison.Ordinal))
            {
                AssertRoundTrips(Wrap(response), BotJsonContext.Default.ChannelAccountArray);
            }
            else if (method == "POST" && uri == "/v3/conversations")
            {
                AssertRoundTrips(Wrap(response), BotJsonContext.Default.ConversationResourceResponse);
            }
            else
            {
                AssertRoundTrips(Wrap(response), BotJsonContext.Default.ResourceResponse);
            }
        }
    }

    private static JsonElement Wrap(string json)
    {
        using var document = JsonDocument.Parse(json);
        return document.RootElement.Clone();
    }

    private static void AssertRoundTrips<T>(JsonElement original, JsonTypeInfo<T> typeInfo)
    {
        var bytes = Encoding.UTF8.GetBytes(original.GetRawText());
        var value = BotJson.Deserialize(bytes, typeInfo)!;
        var written = JsonSerializer.SerializeToUtf8Bytes(value, typeInfo);
        using var document = JsonDocument.Parse(written);
        JsonTree.AssertEquivalent(original, document.RootElement);
    }
}
