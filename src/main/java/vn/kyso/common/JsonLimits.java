package vn.kyso.common;

import org.springframework.boot.jackson.autoconfigure.JsonFactoryBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.core.StreamReadConstraints;

/**
 * What one JSON document may ask of the parser, beyond the body limit: how deep it nests (a deep
 * document costs stack and time out of all proportion to its bytes) and how long one value is.
 * Kyso's own documents nest a handful of levels; its longest value is a PEM chain of some kilobytes.
 */
@Configuration(proxyBeanMethods = false)
class JsonLimits {

    static final int MAX_DEPTH = 64;
    static final int MAX_STRING = 1_000_000;

    @Bean
    JsonFactoryBuilderCustomizer jsonReadLimits() {
        return factory -> factory.streamReadConstraints(StreamReadConstraints.builder()
                .maxNestingDepth(MAX_DEPTH).maxStringLength(MAX_STRING).build());
    }
}
