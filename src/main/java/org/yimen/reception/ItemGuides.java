package org.yimen.reception;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;
import org.yimen.catalog.Catalog;
import org.yimen.catalog.ServiceItem;

/**
 * What the catalog says about the items a line covers, as reception shows it before a ticket or a booking: each
 * item's name and the materials to bring (申请材料), required and optional apart, from the version in force. Items a
 * line names that are not (or no longer) in force are left out.
 */
@Component
class ItemGuides {

    /** An item in force and the materials to bring for it. */
    record ItemGuide(String code, String name, List<ServiceItem.Material> required,
            List<ServiceItem.Material> optional) {

        ItemGuide {
            required = List.copyOf(required);
            optional = List.copyOf(optional);
        }
    }

    private final Catalog catalog;

    ItemGuides(Catalog catalog) {
        this.catalog = catalog;
    }

    Optional<ItemGuide> guide(String code) {
        return catalog.publishedItem(code).map(item -> new ItemGuide(item.code(), item.name(),
                item.materials().stream().filter(ServiceItem.Material::required).toList(),
                item.materials().stream().filter(m -> !m.required()).toList()));
    }

    /** The guides of these codes in their order, without those not in force. */
    List<ItemGuide> guides(Collection<String> codes) {
        return codes.stream().distinct().map(this::guide).flatMap(Optional::stream).toList();
    }
}
