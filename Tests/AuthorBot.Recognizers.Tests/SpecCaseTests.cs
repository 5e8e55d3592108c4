using System.Text.Json.Nodes;
using AuthorBot.Recognizers.Specs;

namespace AuthorBot.Recognizers.Tests;

public sealed class SpecCaseTests
{
    private static SpecCase Case(string json, string file = "Number/NumberModel.json") =>
        SpecCase.FromJson(file, 0, (JsonObject)JsonNode.Parse(json, new JsonNodeOptions { PropertyNameCaseInsensitive = true })!);

    [Theory]
    [InlineData("\"NotSupported\": \"dotnet, javascript\"", true)]
    [InlineData("\"NotSupported\": \"javascript,  DotNet \"", true)]
    [InlineData("\"NotSupportedByDesign\": \"dotnet\"", true)]
    [InlineData("\"NotSupported\": \"javascript, python\"", false)]
    [InlineData("\"NotSupportedBy\": \"dotnet\"", false)]
    public void Skip_rule_follows_the_official_dotnet_runner(string property, bool skipped)
    {
        var c = Case($$"""{"Input": "x", {{property}}, "Results": []}""");
        Assert.Equal(skipped, c.IsSkipped);
    }

    [Fact]
    public void Empty_input_is_skipped() => Assert.True(Case("""{"Input": "", "Results": []}""").IsSkipped);

    [Fact]
    public void Comparer_ignores_text_case_but_not_spans()
    {
        var c = Case("""{"Input": "Three", "Results": [{"Text": "three", "TypeName": "number", "Start": 0, "End": 4, "Resolution": {"value": "3", "subtype": "integer"}}]}""");
        var resolution = new JsonObject { ["value"] = "3", ["subtype"] = "integer" };
        Assert.Null(SpecComparer.Compare(c, [new SpecActual("Three", 0, 4, "number", resolution)]));
        Assert.NotNull(SpecComparer.Compare(c, [new SpecActual("Three", 1, 5, "number", resolution)]));
        Assert.NotNull(SpecComparer.Compare(c, [new SpecActual("Three", 0, 4, "number", new JsonObject { ["value"] = "3.0", ["subtype"] = "integer" })]));
        Assert.NotNull(SpecComparer.Compare(c, []));
    }

    [Fact]
    public void Comparer_checks_datetime_value_key_sets_exactly()
    {
        var c = Case(
            """{"Input": "today", "Results": [{"Text": "today", "Typename": "datetimeV2.date", "Start": 0, "End": 4, "Resolution": {"values": [{"timex": "2016-11-07", "type": "date", "value": "2016-11-07"}]}}]}""",
            "DateTime/DateTimeModel.json");
        var good = new JsonObject { ["values"] = new JsonArray(new JsonObject { ["timex"] = "2016-11-07", ["type"] = "date", ["value"] = "2016-11-07" }) };
        var extraKey = new JsonObject { ["values"] = new JsonArray(new JsonObject { ["timex"] = "2016-11-07", ["type"] = "date", ["value"] = "2016-11-07", ["Mod"] = "before" }) };
        Assert.Null(SpecComparer.Compare(c, [new SpecActual("today", 0, 4, "datetimeV2.date", good)]));
        Assert.NotNull(SpecComparer.Compare(c, [new SpecActual("today", 0, 4, "datetimeV2.date", extraKey)]));
    }

    [Fact]
    public void Baseline_reports_cases_that_passed_before_and_fail_now()
    {
        var c = Case("""{"Input": "x", "Results": []}""");
        var baseline = new SpecBaseline();
        baseline.Files["Number/NumberModel.json"] = new SpecBaselineEntry { Passed = 1, KnownFailures = [] };
        var failing = new SpecFileReport("Number/NumberModel.json", true, [new CaseOutcome(c, false, false, "boom")]);
        var passing = new SpecFileReport("Number/NumberModel.json", true, [new CaseOutcome(c, false, true, null)]);
        Assert.NotEmpty(baseline.Regressions(failing));
        Assert.Empty(baseline.Regressions(passing));
    }
}
