using System.Globalization;

namespace AuthorBot.Recognizers;

/// <summary>Number formatting shared by the models.</summary>
internal static class ResultFormatting
{
    /// <summary>
    /// Formats a value the way Recognizers-Text resolutions do (<c>double.ToString("G15")</c>), so that
    /// 2/3 gives "0.666666666666667" and 1e-12 gives "1E-12".
    /// </summary>
    public static string FormatNumber(double value) => value.ToString("G15", CultureInfo.InvariantCulture);

    /// <summary>Builds a <see cref="ModelResult"/> from a span of the original query.</summary>
    public static ModelResult ToModelResult(string query, int start, int length, string typeName, IReadOnlyDictionary<string, object> resolution) =>
        new()
        {
            Text = query.Substring(start, length),
            Start = start,
            End = start + length - 1,
            TypeName = typeName,
            Resolution = resolution,
        };
}
