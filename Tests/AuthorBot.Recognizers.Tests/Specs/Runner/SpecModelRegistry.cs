using AuthorBot.Recognizers.Choice;
using AuthorBot.Recognizers.DateTime;
using AuthorBot.Recognizers.Number;
using AuthorBot.Recognizers.Sequence;
using AuthorBot.Recognizers.Tests.DateTimeModelTests;

namespace AuthorBot.Recognizers.Specs;

/// <summary>Runs one spec case through a model: the input (the case's <c>Input</c>) and the whole case (for its reference time).</summary>
/// <param name="input">Text to recognize.</param>
/// <param name="specCase">The case, for <see cref="SpecCase.ReferenceDateTime"/> and the like.</param>
public delegate IReadOnlyList<SpecActual> SpecModel(string input, SpecCase specCase);

/// <summary>
/// Which model answers which spec file (path relative to <c>Specs/English</c>). Files without an entry are reported
/// as "no model". Each model owner adds its own lines here; nothing else needs to change to get a file measured,
/// reported and ratcheted.
/// </summary>
public static class SpecModelRegistry
{
    /// <summary>Spec file to model.</summary>
    public static IReadOnlyDictionary<string, SpecModel> Models { get; } = new Dictionary<string, SpecModel>(StringComparer.Ordinal)
    {
        ["Number/NumberModel.json"] = static (input, _) => SpecActual.From(NumberRecognizer.RecognizeNumber(input)),
        ["Number/OrdinalModel.json"] = static (input, _) => SpecActual.From(NumberRecognizer.RecognizeOrdinal(input)),
        ["Number/PercentModel.json"] = static (input, _) => SpecActual.From(NumberRecognizer.RecognizePercentage(input)),
        ["Choice/BooleanModel.json"] = static (input, _) => SpecActual.From(ChoiceRecognizer.RecognizeBoolean(input)),
        ["Sequence/EmailModel.json"] = static (input, _) => SpecActual.From(SequenceRecognizer.RecognizeEmail(input)),
        ["Sequence/PhoneNumberModel.json"] = static (input, _) => SpecActual.From(SequenceRecognizer.RecognizePhoneNumber(input)),
        ["Sequence/URLModel.json"] = static (input, _) => SpecActual.From(SequenceRecognizer.RecognizeURL(input)),

        // DateTime files (recog-datetime).
        ["DateTime/DateTimeModel.json"] = static (input, c) => DateTimeSpecModels.Run(input, c, DateTimeOptions.None),
        ["DateTime/MergedParser.json"] = static (input, c) => DateTimeSpecModels.Run(input, c, DateTimeOptions.None),
        ["DateTime/DateTimeModelCalendarMode.json"] = static (input, c) => DateTimeSpecModels.Run(input, c, DateTimeOptions.CalendarMode),
        ["DateTime/DateTimeModelComplexCalendar.json"] = static (input, c) => DateTimeSpecModels.Run(input, c, DateTimeOptions.ExtendedTypes | DateTimeOptions.CalendarMode | DateTimeOptions.EnablePreview),
        ["DateTime/DateTimeModelExperimentalMode.json"] = static (input, c) => DateTimeSpecModels.Run(input, c, DateTimeOptions.ExperimentalMode),
        ["DateTime/DateTimeModelExtendedTypes.json"] = static (input, c) => DateTimeSpecModels.Run(input, c, DateTimeOptions.ExtendedTypes),
        ["DateTime/DateTimeModelSplitDateAndTime.json"] = static (input, c) => DateTimeSpecModels.Run(input, c, DateTimeOptions.SplitDateAndTime),
        ["DateTime/DateTimeModelTasksMode.json"] = static (input, c) => DateTimeSpecModels.Run(input, c, DateTimeOptions.TasksMode),
    };
}
