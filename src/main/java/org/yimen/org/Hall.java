package org.yimen.org;

/** A service hall (政务服务中心/大厅) holding numbered windows. */
public record Hall(long id, String code, String name, String address, String maskedPhone) {
}
