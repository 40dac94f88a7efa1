package org.opengrievance.deployment;

import java.util.AbstractMap;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.beans.factory.BeanFactory;

/**
 * The engine's {@code beans} map: the beans of {@link AllowedBeans}, looked up when an expression first
 * names them. Lazy because the engine is built before the delegates exist (they depend on its services);
 * read-only because the engine only reads it.
 */
final class AllowlistedBeanMap extends AbstractMap<Object, Object> {

    private final BeanFactory beans;

    AllowlistedBeanMap(BeanFactory beans) {
        this.beans = beans;
    }

    @Override
    public boolean containsKey(Object key) {
        return key instanceof String name && AllowedBeans.contains(name) && beans.containsBean(name);
    }

    @Override
    public Object get(Object key) {
        return containsKey(key) ? beans.getBean((String) key) : null;
    }

    @Override
    public Set<Entry<Object, Object>> entrySet() {
        return AllowedBeans.NAMES.stream().filter(beans::containsBean)
                .map(name -> (Entry<Object, Object>) new SimpleImmutableEntry<Object, Object>(name, beans.getBean(name)))
                .collect(Collectors.toUnmodifiableSet());
    }
}
