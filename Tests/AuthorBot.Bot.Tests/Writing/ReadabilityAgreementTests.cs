using System.Globalization;
using AuthorBot.Understanding.Writing;
using Xunit.Abstractions;

namespace AuthorBot.Bot.Tests.Writing;

/// <summary>
/// The analyzer's figures against the npm packages writers know, on twenty public-domain passages: every grade within
/// ±0.5 of text-readability 1.1.1 and reading ease within ±3; passive voice agreeing with retext-passive 5.0.0 on at
/// least 90 % of the sentences.
/// </summary>
public sealed class ReadabilityAgreementTests(ITestOutputHelper output)
{
    [Fact]
    public async Task Readability_and_passive_voice_agree_with_the_npm_packages_on_twenty_passages()
    {
        var reference = await WritingHarness.ReferenceAsync();
        Assert.Equal(20, reference.Count);
        var calculator = new ReadabilityCalculator(ReadabilityCalculator.LoadEasyWords());
        var failures = new List<string>();
        int sentences = 0, agreed = 0;
        foreach (var (name, expected) in reference.OrderBy(r => r.Key, StringComparer.Ordinal))
        {
            var text = await File.ReadAllTextAsync(Path.Combine(WritingHarness.PassagesDirectory, name));
            var ours = calculator.Score(text);
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{name}: FRE {ours.FleschReadingEase} ({expected.FleschReadingEase}), FK {ours.FleschKincaidGrade} ({expected.FleschKincaidGrade}), fog {ours.GunningFog} ({expected.GunningFog}), SMOG {ours.Smog} ({expected.SmogIndex}), CLI {ours.ColemanLiau} ({expected.ColemanLiauIndex})"));
            Check(failures, name, "reading ease", ours.FleschReadingEase, expected.FleschReadingEase, 3);
            Check(failures, name, "Flesch–Kincaid", ours.FleschKincaidGrade, expected.FleschKincaidGrade, 0.5);
            Check(failures, name, "Gunning fog", ours.GunningFog, expected.GunningFog, 0.5);
            Check(failures, name, "SMOG", ours.Smog, expected.SmogIndex, 0.5);
            Check(failures, name, "Coleman–Liau", ours.ColemanLiau, expected.ColemanLiauIndex, 0.5);
            foreach (var sentence in expected.Sentences)
            {
                sentences++;
                var flagged = PassiveVoice.Find(sentence.Text) is not null;
                if (flagged == sentence.Passive)
                {
                    agreed++;
                }
                else
                {
                    output.WriteLine($"  passive disagrees (retext {sentence.Passive}): {sentence.Text}");
                }
            }
        }

        var agreement = (double)agreed / sentences;
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"passive voice: {agreed} of {sentences} sentences agree ({agreement:P1})"));
        Assert.True(failures.Count == 0, string.Join('\n', failures));
        Assert.True(agreement >= 0.9, $"Passive voice agrees on {agreement:P1} of sentences.");
    }

    private static void Check(List<string> failures, string passage, string formula, double ours, double theirs, double tolerance)
    {
        if (Math.Abs(ours - theirs) > tolerance)
        {
            failures.Add(string.Create(CultureInfo.InvariantCulture, $"{passage}: {formula} {ours}, text-readability {theirs} (±{tolerance})"));
        }
    }
}
