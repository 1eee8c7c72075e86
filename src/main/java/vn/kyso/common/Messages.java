package vn.kyso.common;

import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/** Resolves message keys into both languages Kyso speaks. */
@Component
public class Messages {

    public static final Locale VI = Locale.forLanguageTag("vi");
    public static final Locale EN = Locale.ENGLISH;

    private final MessageSource source;

    public Messages(MessageSource source) {
        this.source = source;
    }

    public Bilingual both(String key, Object... args) {
        return new Bilingual(get(key, VI, args), get(key, EN, args));
    }

    public Bilingual both(MessageSourceResolvable resolvable) {
        return new Bilingual(source.getMessage(resolvable, VI), source.getMessage(resolvable, EN));
    }

    public String get(String key, Locale locale, Object... args) {
        return source.getMessage(key, plain(args), key, locale);
    }

    /** Years, ids and limits read as written: MessageFormat would print 2026 as "2.026" in Vietnamese. */
    private static Object[] plain(Object[] args) {
        if (args == null) {
            return null;
        }
        Object[] out = args.clone();
        for (int i = 0; i < out.length; i++) {
            if (out[i] instanceof Number n) {
                out[i] = n.toString();
            }
        }
        return out;
    }

    /** The language of the current request: English if asked for, Vietnamese otherwise. */
    public static boolean english() {
        return "en".equals(LocaleContextHolder.getLocale().getLanguage());
    }

    public static String pick(Bilingual text) {
        return english() ? text.en() : text.vi();
    }
}
