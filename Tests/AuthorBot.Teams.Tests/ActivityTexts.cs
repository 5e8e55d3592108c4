using System.Text.Json;
using AuthorBot.BotFramework.Schema;

namespace AuthorBot.Teams.Tests;

/// <summary>What a reader reads in an activity: its text and every text, title and fact of its cards.</summary>
internal static class ActivityTexts
{
    public static string Of(Activity activity)
    {
        var texts = new List<string>();
        if (activity.Text is { } text)
        {
            texts.Add(text);
        }

        foreach (var attachment in activity.Attachments ?? [])
        {
            if (attachment.Content is { } content)
            {
                Collect(content, texts);
            }
        }

        return string.Join('\n', texts);
    }

    private static void Collect(JsonElement element, List<string> texts)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                foreach (var property in element.EnumerateObject())
                {
                    if (property.Value.ValueKind == JsonValueKind.String && property.Name is "text" or "title" or "subtitle" or "value" or "label")
                    {
                        texts.Add(property.Value.GetString()!);
                    }
                    else if (property.Name is not "data" and not "url")
                    {
                        Collect(property.Value, texts);
                    }
                }

                break;
            case JsonValueKind.Array:
                foreach (var item in element.EnumerateArray())
                {
                    Collect(item, texts);
                }

                break;
        }
    }
}
