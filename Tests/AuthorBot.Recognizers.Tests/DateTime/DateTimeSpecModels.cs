using AuthorBot.Recognizers.DateTime;
using AuthorBot.Recognizers.Specs;

namespace AuthorBot.Recognizers.Tests.DateTimeModelTests;

/// <summary>Adapts the date-time recognizer to the spec runner (one entry per DateTime spec file).</summary>
public static class DateTimeSpecModels
{
    /// <summary>Used when a case has no reference time; the specs README says any fixed value works for those cases.</summary>
    private static readonly System.DateTime _fallbackReference = new(2016, 11, 7, 0, 0, 0, DateTimeKind.Unspecified);

    public static IReadOnlyList<SpecActual> Run(string input, SpecCase specCase, DateTimeOptions options)
    {
        ArgumentNullException.ThrowIfNull(specCase);
        var reference = specCase.ReferenceDateTime ?? _fallbackReference;
        return DateTimeRecognizer.RecognizeDateTime(input, Culture.English, reference, options)
            .Select(r => new SpecActual(r.Text, r.Start, r.End, r.TypeName, SpecActual.ToJson(r.Resolution)))
            .ToList();
    }
}
