using AuthorBot.BotFramework.Dialogs.Choices;
using AuthorBot.Recognizers.Choice;

namespace AuthorBot.BotFramework.Tests.Dialogs;

/// <summary>Seeded random input: the recognizers must never throw and must only return sane results.</summary>
public sealed class RecognizerRobustnessTests
{
    private const string Alphabet = "abcdefghijklmnopqrstuvwxyz ABCXYZ 0123456789 .,;:!?'\"-_/\\()[]{}@#$%^&*+=~`|<>\t\n\u2019\u00e9\u00fc\u4e2d\ud83d\udc4d";

    private static readonly List<Choice> _choices =
    [
        new("Newsletter") { Synonyms = ["news", "updates"] },
        new("Book launch"),
        new("Events") { Synonyms = ["rsvp"] },
        new("2"),
        new("A"),
    ];

    public static TheoryData<int> Seeds => [1, 2, 3, 4, 5];

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Random_text_never_throws_and_results_point_at_real_choices(int seed)
    {
        var random = new Random(seed);
        for (var i = 0; i < 400; i++)
        {
            var text = RandomText(random);

            var found = ChoiceRecognizers.RecognizeChoices(text, _choices);
            _ = ChoiceRecognizer.RecognizeBoolean(text);

            foreach (var result in found)
            {
                Assert.InRange(result.Resolution.Index, 0, _choices.Count - 1);
                Assert.Equal(_choices[result.Resolution.Index].Value, result.Resolution.Value);
                Assert.InRange(result.Resolution.Score, double.Epsilon, 1.0);
                Assert.InRange(result.Start, 0, text.Length - 1);
                Assert.InRange(result.End, result.Start, text.Length - 1);
            }
        }
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Edit_distance_is_symmetric_bounded_and_zero_only_for_equal_strings(int seed)
    {
        var random = new Random(seed);
        for (var i = 0; i < 300; i++)
        {
            var a = RandomText(random, 12);
            var b = random.Next(4) == 0 ? a : RandomText(random, 12);

            var distance = EditDistance.Between(a, b);

            Assert.Equal(distance, EditDistance.Between(b, a));
            Assert.InRange(distance, Math.Abs(a.Length - b.Length), Math.Max(a.Length, b.Length));
            Assert.Equal(a == b, distance == 0);
        }
    }

    [Fact]
    public void A_very_long_message_is_handled()
    {
        var essay = string.Concat(Enumerable.Repeat("I am not sure what to pick here honestly ", 2000)) + "events";

        Assert.NotNull(ChoiceRecognizers.RecognizeChoices(essay, _choices));
        Assert.Empty(ChoiceRecognizer.RecognizeBoolean(essay));
    }

    private static string RandomText(Random random, int maxLength = 40)
    {
        var length = random.Next(maxLength + 1);
        var chars = new char[length];
        for (var i = 0; i < length; i++)
        {
            chars[i] = Alphabet[random.Next(Alphabet.Length)];
        }

        return new string(chars);
    }
}
