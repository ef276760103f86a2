using System.Globalization;
using System.Text;

namespace HybridSpa.Web.Security;

/// <summary>
/// Makes a value taken from a request safe to write to a log: control characters (CR, LF, ESC for ANSI sequences, …) and
/// Unicode line/paragraph separators become visible <c>\uXXXX</c> escapes, so no one can forge log lines or recolour a terminal.
/// </summary>
public static class LoggedValue
{
    /// <summary><paramref name="value"/> with every control character escaped; the same instance when there is none.</summary>
    public static string? Neutralize(string? value)
    {
        if (value is null || !value.Any(IsUnsafe))
        {
            return value;
        }

        var safe = new StringBuilder(value.Length + 16);
        foreach (var c in value)
        {
            if (IsUnsafe(c))
            {
                safe.Append(CultureInfo.InvariantCulture, $"\\u{(int)c:X4}");
            }
            else
            {
                safe.Append(c);
            }
        }

        return safe.ToString();
    }

    private static bool IsUnsafe(char c) =>
        char.IsControl(c) || char.GetUnicodeCategory(c) is UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator;
}
