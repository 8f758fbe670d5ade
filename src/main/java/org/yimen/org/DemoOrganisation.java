package org.yimen.org;

import java.time.Clock;
import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Demo organisation (only with {@code yimen.demo=true}): the seven provincial departments of the 贵州省 report, one
 * provincial hall with their windows, an A/B pair for every window, a head per department and one sign-in account per
 * role (password {@code Yimen@2026}). Created once: nodes starting together queue on an advisory lock and the later
 * ones find the departments already there. Runs before the first-administrator check, so demo mode has its admin.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 100)
class DemoOrganisation implements ApplicationRunner {

    static final String DEMO_PASSWORD = "Yimen@2026";
    static final long LOCK_KEY = 0x6f72_6764_656d_6fL;

    private static final Logger log = LoggerFactory.getLogger(DemoOrganisation.class);

    /** A department of the report with its head and two window clerks (officers A/B of each other's windows). */
    private record Dept(String code, String name, String phone, String head, String clerkA, String clerkB,
            String windowA, String windowB) {
    }

    /** The reviewer (审核人员) of each department but ZJT, whose reviewer is the demo account reviewer1. */
    private static final Map<String, String> REVIEWERS = Map.of("GTZYT", "钱进", "GAT", "蒋涛", "JTYST", "沈洁",
            "RST", "韩梅", "DSJ", "冯波", "HBT", "曹颖");

    /**
     * Further review posts the demo guides' REVIEW and DECISION stages name as their role (the land use and
     * environmental impact approvals). Their INTAKE and JOINT_REVIEW stages need none: accepting the application
     * completes the one and the consulted departments answer the other, whatever role the guide writes there.
     */
    private static final Map<String, List<String>> REVIEW_POSTS = Map.of("GTZYT", List.of("用地审查处", "厅领导"),
            "HBT", List.of("环评处", "厅领导", "处领导"));

    private static final List<Dept> DEPARTMENTS = List.of(
            new Dept("GTZYT", "国土资源厅", "0851-85280001", "王建国", "周敏", "吴磊",
                    "国土资源厅综合受理窗口", "国土资源厅建设用地审批窗口"),
            new Dept("GAT", "公安厅", "0851-85280002", "李志强", "徐静", "孙鹏",
                    "公安厅出入境证件受理窗口", "公安厅户政业务窗口"),
            new Dept("JTYST", "交通运输厅", "0851-85280003", "张海燕", "马丽", "朱涛",
                    "交通运输厅综合受理窗口", "交通运输厅道路运输许可窗口"),
            new Dept("RST", "人社厅", "0851-85280004", "刘晓明", "胡晓燕", "郭强",
                    "人社厅社会保险窗口", "人社厅就业服务窗口"),
            new Dept("DSJ", "地税局", "0851-85280005", "陈丽华", "何婷", "高峰",
                    "地税局办税服务窗口", "地税局首问登记窗口"),
            new Dept("HBT", "环保厅", "0851-85280006", "杨国栋", "林芳", "罗军",
                    "环保厅环评审批窗口", "环保厅综合受理窗口"),
            new Dept("ZJT", "住建厅", "0851-85280007", "赵文斌", "黄蕾", "郑伟",
                    "住建厅行政许可受理窗口", "住建厅执业资格注册窗口"));

    private final JdbcClient jdbc;
    private final TransactionTemplate transaction;
    private final PasswordEncoder encoder;
    private final OrgAdministration administration;
    private final StaffAccounts accounts;
    private final Clock clock;
    private final boolean demo;

    DemoOrganisation(JdbcClient jdbc, TransactionTemplate transaction, PasswordEncoder encoder,
            OrgAdministration administration, StaffAccounts accounts, Clock clock,
            @Value("${yimen.demo:false}") boolean demo) {
        this.accounts = accounts;
        this.clock = clock;
        this.jdbc = jdbc;
        this.transaction = transaction;
        this.encoder = encoder;
        this.administration = administration;
        this.demo = demo;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!demo) {
            return;
        }
        transaction.executeWithoutResult(status -> {
            jdbc.sql("select 1 from pg_advisory_xact_lock(?)").param(LOCK_KEY).query(Integer.class).single();
            if (jdbc.sql("select exists (select 1 from org_department)").query(Boolean.class).single()) {
                return;
            }
            create();
            log.info("Created the demo organisation: 7 departments, 1 hall, 15 windows, A/B posts, demo accounts");
        });
    }

    private void create() {
        String demoHash = encoder.encode(DEMO_PASSWORD);
        long hall = administration.createHall(new HallForm("GZZWFW", "贵州省政务服务中心", "贵阳市观山湖区（演示地址）",
                "0851-85280000"));
        int staffNo = 1;
        int window = 1;
        Map<String, Long> clerks = new HashMap<>();
        for (Dept d : DEPARTMENTS) {
            long department = administration.createDepartment(new DepartmentForm(d.code(), d.name(), null,
                    d.phone()));
            boolean zjt = d.code().equals("ZJT");
            long head = staff(staffNo++, d.head(), department, Set.of(Role.DEPT_HEAD, Role.REVIEWER),
                    zjt ? "head1" : d.code().toLowerCase() + ".head", zjt ? demoHash : null);
            jdbc.sql("update org_department set head_staff_id = ? where id = ?").params(head, department).update();
            long a = staff(staffNo++, d.clerkA(), department, Set.of(Role.CLERK),
                    zjt ? "clerk1" : d.code().toLowerCase() + ".a", zjt ? demoHash : null);
            long b = staff(staffNo++, d.clerkB(), department, Set.of(Role.CLERK),
                    zjt ? "clerk2" : d.code().toLowerCase() + ".b", zjt ? demoHash : null);
            clerks.put(d.code(), a);
            long windowA = administration.createWindow(new WindowForm(hall, window++, d.windowA(), department, true));
            long windowB = administration.createWindow(new WindowForm(hall, window++, d.windowB(), department, true));
            // Each clerk is officer A of one window and officer B of the other (一岗多能): no window is left empty.
            administration.createPost(new PostForm(d.windowA().replace("窗口", "岗"), department, windowA, a, b));
            administration.createPost(new PostForm(d.windowB().replace("窗口", "岗"), department, windowB, b, a));
        }
        administration.createWindow(new WindowForm(hall, window, "综合咨询导办窗口", null, true));
        long zjt = jdbc.sql("select id from org_department where code = 'ZJT'").query(Long.class).single();
        staff(staffNo++, "宋立新", null, Set.of(Role.ADMIN), "admin", demoHash);
        staff(staffNo++, "谢红梅", null, Set.of(Role.HALL_MANAGER), "manager1", demoHash);
        long reviewer1 = staff(staffNo++, "韩冬", zjt, Set.of(Role.REVIEWER), "reviewer1", demoHash);
        staff(staffNo++, "唐明", null, Set.of(Role.SUPERVISOR), "supervisor1", demoHash);
        staff(staffNo++, "冯雪", null, Set.of(Role.AUDITOR), "auditor1", demoHash);
        staff(staffNo++, "邓卫国", null, Set.of(Role.SECURITY_ADMIN), "security1", demoHash);
        // Review posts (审查岗) named as the guides' review stages name their roles, each with a B behind its A.
        for (Dept d : DEPARTMENTS) {
            long department = jdbc.sql("select id from org_department where code = ?").param(d.code())
                    .query(Long.class).single();
            long head = jdbc.sql("select head_staff_id from org_department where id = ?").param(department)
                    .query(Long.class).single();
            long reviewer = d.code().equals("ZJT") ? reviewer1 : staff(staffNo++, REVIEWERS.get(d.code()),
                    department, Set.of(Role.REVIEWER), d.code().toLowerCase() + ".reviewer", null);
            administration.createPost(new PostForm("审核人员", department, null, reviewer, head));
            administration.createPost(new PostForm("部门负责人", department, null, head, reviewer));
            for (String post : REVIEW_POSTS.getOrDefault(d.code(), List.of())) {
                boolean decides = post.endsWith("领导");
                administration.createPost(new PostForm(post, department, null, decides ? head : reviewer,
                        decides ? reviewer : head));
            }
        }
        // One officer on leave today, so the admin page shows officer B acting.
        LocalDateTime now = LocalDateTime.now(clock).withSecond(0).withNano(0);
        administration.recordAbsence(clerks.get("GTZYT"), new AbsenceForm("年休假", now.minusHours(2),
                now.plusDays(2)), "manager1");
    }

    /** A member of staff; without a demo password hash the account cannot sign in. */
    private long staff(int number, String name, @Nullable Long department, Set<Role> roles, String username,
            @Nullable String passwordHash) {
        var existing = jdbc.sql("select id from org_staff where username = ?").param(username).query(Long.class)
                .optional();
        if (existing.isPresent()) {
            return existing.get();
        }
        String phone = "139085%05d".formatted(10000 + number * 37);
        Set<Role> operational = roles.stream().filter(r -> !r.privileged()).collect(Collectors.toSet());
        long id = administration.createStaff(new StaffForm("GZ%04d".formatted(number), name, department,
                operational, phone, username, true),
                passwordHash == null ? OrgAdministration.unusablePassword() : passwordHash);
        if (!operational.equals(roles)) {
            // The demo stands in for the security administrator, who alone grants privileged roles.
            accounts.changeRoles(id, roles);
        }
        return id;
    }

}
