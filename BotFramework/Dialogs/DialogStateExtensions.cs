using System.Globalization;
using System.Text.Json;
using AuthorBot.BotFramework.State;

namespace AuthorBot.BotFramework.Dialogs;

/// <summary>Reads typed values from dialog state dictionaries (such as a waterfall's Values) the same way before and after a restart.</summary>
public static class DialogStateExtensions
{
    /// <summary>
    /// Gets <paramref name="key"/> as <typeparamref name="T"/>: the stored object itself while the process lives,
    /// converted from its JSON form (e.g. a long for an int, a dictionary for a class) after state was reloaded.
    /// The converted value replaces the stored one, so later changes to it are saved.
    /// </summary>
    /// <typeparam name="T">The wanted type.</typeparam>
    /// <param name="state">The state dictionary.</param>
    /// <param name="key">The key.</param>
    /// <returns>The value, or default when absent or null.</returns>
    public static T? GetValue<T>(this IDictionary<string, object?> state, string key)
    {
        ArgumentNullException.ThrowIfNull(state);
        if (!state.TryGetValue(key, out var value) || value is null)
        {
            return default;
        }

        if (value is T typed)
        {
            return typed;
        }

        var converted = Convert<T>(value);
        state[key] = converted;
        return converted;
    }

    internal static T? Convert<T>(object value)
    {
        var target = Nullable.GetUnderlyingType(typeof(T)) ?? typeof(T);
        if (value is IConvertible && target.IsPrimitive)
        {
            return (T)System.Convert.ChangeType(value, target, CultureInfo.InvariantCulture);
        }

        var element = value as JsonElement? ?? JsonSerializer.SerializeToElement(value, value.GetType(), StateJson.Options);
        return element.Deserialize<T>(StateJson.Options);
    }
}
