using System.Text;
using System.Text.Json;

namespace AuthorBot.Deployment.Tests;

/// <summary>
/// What <c>bicep lint --pattern ... --diagnostics-format sarif</c> prints: one SARIF document per file it linted, one
/// result per warning or error. Counting the documents proves the pattern reached every file.
/// </summary>
internal sealed class SarifReport
{
    private SarifReport(int documents, IReadOnlyList<string> results)
    {
        Documents = documents;
        Results = results;
    }

    public int Documents { get; }

    /// <summary>"file: rule: message" for every result.</summary>
    public IReadOnlyList<string> Results { get; }

    public static SarifReport Parse(string output)
    {
        var documents = 0;
        var results = new List<string>();
        var reader = new Utf8JsonReader(Encoding.UTF8.GetBytes(output), new JsonReaderOptions { AllowMultipleValues = true });
        while (reader.Read())
        {
            using (var document = JsonDocument.ParseValue(ref reader))
            {
                documents++;
                foreach (var run in document.RootElement.GetProperty("runs").EnumerateArray())
                {
                    foreach (var result in run.GetProperty("results").EnumerateArray())
                    {
                        var where = result.TryGetProperty("locations", out var locations) && locations.GetArrayLength() > 0
                            ? locations[0].GetProperty("physicalLocation").GetProperty("artifactLocation").GetProperty("uri").GetString()
                            : "(no location)";
                        results.Add($"{where}: {result.GetProperty("ruleId").GetString()}: {result.GetProperty("message").GetProperty("text").GetString()}");
                    }
                }
            }
        }

        return new SarifReport(documents, results);
    }
}
